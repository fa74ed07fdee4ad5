package dev.cctelemetry.core.usage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
    /** Each kept value's UTF-8 bytes as they appeared in the file: a hit costs a byte comparison, no decoding. */
    private final byte[][] slotBytes = new byte[SLOTS][];

    /** An empty cache for one file. */
    public RepeatedValues() {
        // slots fill as values are seen
    }

    /**
     * The string whose UTF-8 bytes (no JSON escapes) are {@code bytes[off, off+len)}: a kept instance when the same
     * bytes were seen before, else a new one, decoded leniently (U+FFFD for what is not UTF-8).
     */
    String of(byte[] bytes, int off, int len) {
        if (len > MAX_LENGTH) {
            return new String(bytes, off, len, StandardCharsets.UTF_8);
        }
        int slot = slot(bytes, off, len);
        byte[] kept = slotBytes[slot];
        if (kept != null && Arrays.equals(kept, 0, kept.length, bytes, off, off + len)) {
            return slots[slot];
        }
        String s = new String(bytes, off, len, StandardCharsets.UTF_8);
        slots[slot] = s;
        slotBytes[slot] = Arrays.copyOfRange(bytes, off, off + len);
        return s;
    }

    /**
     * A slot from the length and a few bytes, not all of them: every lookup compares the whole value anyway,
     * and values of one file rarely agree in length, ends and middle while differing elsewhere.
     */
    private static int slot(byte[] bytes, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int h = len;
        h = 31 * h + bytes[off];
        h = 31 * h + bytes[off + len - 1];
        h = 31 * h + bytes[off + len / 2];
        h = 31 * h + bytes[off + len / 4];
        h = 31 * h + bytes[off + (3 * len) / 4];
        return (h ^ (h >>> 7) ^ (h >>> 16)) & (SLOTS - 1);
    }
}
