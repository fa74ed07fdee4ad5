package dev.cctelemetry.app.doctor;

import java.time.Duration;
import java.time.Instant;

/** "12 minutes ago": how long before now something happened, in the largest whole unit. */
public final class Ago {

    private Ago() {
    }

    /** {@code then} relative to {@code now}. */
    public static String since(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.isNegative()) {
            return "just now";
        }
        long s = d.getSeconds();
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return plural(s / 60, "minute");
        }
        if (s < 86_400) {
            return plural(s / 3600, "hour");
        }
        return plural(s / 86_400, "day");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s") + " ago";
    }
}
