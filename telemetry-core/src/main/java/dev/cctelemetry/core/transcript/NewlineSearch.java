package dev.cctelemetry.core.transcript;

import dev.cctelemetry.core.scan.ByteWords;

/**
 * Finds the next {@code '\n'} in a byte array eight bytes at a time ({@link ByteWords}). The launcher runs the
 * JIT's quick tier only, which does not vectorize a byte loop; measured three times faster than a plain loop or
 * {@code String.indexOf} there, and the newline search touches every byte of every transcript.
 */
final class NewlineSearch {

    private static final long NEWLINES = ByteWords.repeated((byte) '\n');

    private NewlineSearch() {
    }

    /** Index of the first {@code '\n'} in {@code b[from, to)}, or -1. */
    static int next(byte[] b, int from, int to) {
        int i = from;
        for (; i + ByteWords.SIZE <= to; i += ByteWords.SIZE) {
            long marks = ByteWords.marksOf(ByteWords.at(b, i), NEWLINES);
            if (marks != 0) {
                return i + ByteWords.firstMarkedByte(marks);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
