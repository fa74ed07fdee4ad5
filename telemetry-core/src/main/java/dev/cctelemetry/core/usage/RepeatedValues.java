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

    /** An empty cache for one file. */
    public RepeatedValues() {
        // slots fill as values are seen
    }

    /** The string of {@code len} chars at {@code off}: a kept equal instance when there is one, else a new one. */
    String of(char[] chars, int off, int len) {
        if (len > MAX_LENGTH) {
            return new String(chars, off, len);
        }
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + chars[i];
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String kept = slots[slot];
        if (kept != null && sameChars(kept, chars, off, len)) {
            return kept;
        }
        String s = new String(chars, off, len);
        slots[slot] = s;
        return s;
    }

    private static boolean sameChars(String s, char[] chars, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != chars[off + i]) {
                return false;
            }
        }
        return true;
    }
}
