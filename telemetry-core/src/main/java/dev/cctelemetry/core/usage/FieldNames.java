package dev.cctelemetry.core.usage;

import dev.cctelemetry.core.scan.ByteWords;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The field names one level of a transcript line is read for, found by their bytes: a name costs one hash and
 * usually one comparison, however many names the level knows (a line has a few dozen fields, most of them of no interest, so
 * trying each known name in turn was a good part of reading it).
 */
final class FieldNames {

    /** What {@link #indexOf} says of a name that is not among them. */
    static final int UNKNOWN = -1;

    private static final int TABLE_SIZE = 64;

    private final byte[][] names = new byte[TABLE_SIZE][];
    /** Each name as words of eight bytes ({@link ByteWords#at}), the last zero-padded: compared a word a step. */
    private final long[][] words = new long[TABLE_SIZE][];
    private final int[] indexes = new int[TABLE_SIZE];

    /** The names of one level (distinct, ASCII, at most a quarter of the table), each numbered by its position. */
    FieldNames(List<String> names) {
        if (names.size() > TABLE_SIZE / 4) {
            throw new IllegalArgumentException("too many names for one table: " + names.size());
        }
        for (int i = 0; i < names.size(); i++) {
            byte[] name = names.get(i).getBytes(StandardCharsets.US_ASCII);
            if (indexOf(name, 0, name.length) != UNKNOWN) {
                throw new IllegalArgumentException("name given twice: " + names.get(i));
            }
            int slot = slot(name, 0, name.length);
            while (this.names[slot] != null) {
                slot = (slot + 1) & (TABLE_SIZE - 1); // the next free slot: a table this sparse has one near
            }
            this.names[slot] = name;
            this.words[slot] = words(name);
            this.indexes[slot] = i;
        }
    }

    /** The number of the name whose bytes are {@code buf[off, off+len)}, or {@link #UNKNOWN}. */
    int indexOf(byte[] buf, int off, int len) {
        for (int slot = slot(buf, off, len); ; slot = (slot + 1) & (TABLE_SIZE - 1)) {
            byte[] name = names[slot];
            if (name == null) {
                return UNKNOWN;
            }
            if (name.length == len && (off + roundUp(len) <= buf.length ? sameWords(words[slot], len, buf, off)
                    : same(name, buf, off))) {
                return indexes[slot];
            }
        }
    }

    /** The number of {@code name} (a decoded name: one that had escapes), or {@link #UNKNOWN}. */
    int indexOf(String name) {
        byte[] ascii = new byte[name.length()];
        for (int i = 0; i < ascii.length; i++) {
            char c = name.charAt(i);
            if (c > 0x7F) {
                return UNKNOWN; // every known name is ASCII
            }
            ascii[i] = (byte) c;
        }
        return indexOf(ascii, 0, ascii.length);
    }

    private static long[] words(byte[] name) {
        byte[] padded = java.util.Arrays.copyOf(name, roundUp(name.length));
        long[] out = new long[padded.length / ByteWords.SIZE];
        for (int k = 0; k < out.length; k++) {
            out[k] = ByteWords.at(padded, k * ByteWords.SIZE);
        }
        return out;
    }

    private static int roundUp(int len) {
        return (len + ByteWords.SIZE - 1) & -ByteWords.SIZE;
    }

    /**
     * Whether {@code buf} holds the name of these words, {@code len} bytes long, at {@code off}: eight bytes a
     * step, the bytes past the name masked off the last word. The caller checked that whole words can be read.
     */
    private static boolean sameWords(long[] name, int len, byte[] buf, int off) {
        int last = name.length - 1;
        for (int k = 0; k < last; k++) {
            if (ByteWords.at(buf, off + k * ByteWords.SIZE) != name[k]) {
                return false;
            }
        }
        int tail = len - last * ByteWords.SIZE; // 1 to 8 bytes of the last word are the name's
        long mask = tail == ByteWords.SIZE ? -1L : (1L << (tail * 8)) - 1;
        return (ByteWords.at(buf, off + last * ByteWords.SIZE) & mask) == name[last];
    }

    /** Whether {@code buf} holds {@code name} at {@code off}; a plain loop, for a name at the end of the buffer. */
    private static boolean same(byte[] name, byte[] buf, int off) {
        for (int i = 0; i < name.length; i++) {
            if (name[i] != buf[off + i]) {
                return false;
            }
        }
        return true;
    }

    /** From the length and three bytes, not all of them: collisions only cost a probe. */
    private static int slot(byte[] buf, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int h = len * 31 + buf[off];
        h = h * 31 + buf[off + len - 1];
        h = h * 31 + buf[off + (len >>> 1)];
        return (h ^ (h >>> 6)) & (TABLE_SIZE - 1);
    }
}
