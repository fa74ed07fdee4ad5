package dev.cctelemetry.app.doctor;

import java.util.Locale;

/** Byte counts for people: {@code 812 B}, {@code 3.4 MB}. */
public final class Bytes {

    private Bytes() {
    }

    /** {@code n} bytes in the largest unit that keeps a digit before the point. */
    public static String human(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
