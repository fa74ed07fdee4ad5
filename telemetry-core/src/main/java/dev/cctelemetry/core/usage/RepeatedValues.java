package dev.cctelemetry.core.usage;

/**
 * The values a transcript repeats on nearly every line (session id, working directory, Claude Code version,
 * model, service tier), kept once: the parser hands out the same {@code String} instead of a new copy per line.
 * A sync holds tens of thousands of records in memory between commits, so this is a good part of its heap and
 * of the garbage collector's copying. One instance per file being read; not thread-safe.
 *
 * <p>A small direct-mapped cache, not a set: a value that collides with another simply replaces it, so memory
 * stays fixed whatever a hostile file holds.
 */
public final class RepeatedValues {

    private static final int SLOTS = 64;
    /** Longer values are rarely repeated (or are hostile); they are not kept. */
    private static final int MAX_LENGTH = 512;

    private final String[] slots = new String[SLOTS];
    /** Each kept value's chars: compared as arrays, several chars per step, where {@code charAt} goes one by one. */
    private final char[][] slotChars = new char[SLOTS][];

    /** An empty cache for one file. */
    public RepeatedValues() {
        // slots fill as values are seen
    }

    /** The string of {@code len} chars at {@code off}: a kept equal instance when there is one, else a new one. */
    String of(char[] chars, int off, int len) {
        if (len > MAX_LENGTH) {
            return new String(chars, off, len);
        }
        int slot = slot(chars, off, len);
        char[] keptChars = slotChars[slot];
        if (keptChars != null && java.util.Arrays.equals(keptChars, 0, keptChars.length, chars, off, off + len)) {
            return slots[slot];
        }
        String s = new String(chars, off, len);
        slots[slot] = s;
        slotChars[slot] = java.util.Arrays.copyOfRange(chars, off, off + len);
        return s;
    }

    /**
     * A slot from the length and a few characters, not all of them: every lookup compares the whole value anyway,
     * and values of one file rarely agree in length, ends and middle while differing elsewhere.
     */
    private static int slot(char[] chars, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int h = len;
        h = 31 * h + chars[off];
        h = 31 * h + chars[off + len - 1];
        h = 31 * h + chars[off + len / 2];
        h = 31 * h + chars[off + len / 4];
        h = 31 * h + chars[off + (3 * len) / 4];
        return (h ^ (h >>> 7) ^ (h >>> 16)) & (SLOTS - 1);
    }
}
