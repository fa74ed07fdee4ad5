package dev.cctelemetry.core.usage;

/** Substring search over raw bytes, so lines that cannot matter are skipped without decoding them. */
final class ByteSearch {

    private ByteSearch() {
    }

    /** Whether {@code needle} occurs in {@code buf[off, off+len)}. */
    static boolean contains(byte[] buf, int off, int len, byte[] needle) {
        int n = needle.length;
        int last = off + len - n;
        byte first = needle[0];
        outer:
        for (int i = off; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < n; j++) {
                if (buf[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
