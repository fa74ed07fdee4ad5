package dev.cctelemetry.core.usage;

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
            if (name.length == len && same(name, buf, off)) {
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

    /** Whether {@code buf} holds {@code name} at {@code off}; a plain loop, names being a few bytes long. */
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
