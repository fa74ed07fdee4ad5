package dev.cctelemetry.app.sync;

/**
 * Byte counts for people, written with {@link Figures} (what {@code %.1f} writes, without the formatter): the one
 * place both forms live.
 */
public final class ByteSize {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private ByteSize() {
    }

    /** {@code n} bytes in the largest unit that keeps a digit before the point: {@code 812 B}, {@code 3.4 MB}. */
    public static String human(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        int u = -1;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return Figures.fixed(v, 1) + " " + UNITS[u];
    }

    /**
     * As a sync summary says it: bytes below a kibibyte ({@code 9 B}, where kilobytes said "0.0 KB"), kilobytes
     * below a mebibyte ({@code 2.5 KB}), else megabytes.
     */
    public static String kilobytesOrMegabytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return Figures.fixed(n / 1024.0, 1) + " KB";
        }
        return Figures.fixed(n / (1024.0 * 1024.0), 1) + " MB";
    }
}
