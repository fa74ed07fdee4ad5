package dev.cctelemetry.poller;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daemon's intervals as people write them: {@code 90s}, {@code 15m}, {@code 1h30m}, {@code 2d} or ISO-8601
 * ({@code PT1H}). {@link #format} writes the shortest text {@link #parse} reads back, for the daemon's log, its
 * start line and the command line of a daemon started in the background.
 */
public final class IntervalText {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private IntervalText() {
    }

    /**
     * Reads an interval.
     *
     * @throws IllegalArgumentException when {@code value} is not one, with the message to show
     */
    public static Duration parse(String value) {
        String s = value.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("pt") || s.startsWith("p")) {
            try {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a duration: " + s);
            }
        }
        Matcher m = PART.matcher(s);
        Duration d = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            end = m.end();
        }
        if (end == 0 || end != s.length()) {
            throw new IllegalArgumentException("not a duration (try 90s, 15m, 1h): " + s);
        }
        return d;
    }

    /** {@code 1h30m}, {@code 2s}: whole seconds in hours, minutes and seconds, zeros left out. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        StringBuilder b = new StringBuilder();
        if (s >= 3600) {
            b.append(s / 3600).append('h');
        }
        if (s % 3600 >= 60) {
            b.append(s % 3600 / 60).append('m');
        }
        if (s % 60 > 0 || b.length() == 0) {
            b.append(s % 60).append('s');
        }
        return b.toString();
    }
}
