package dev.cctelemetry.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses {@code --interval}: {@code 90s}, {@code 15m}, {@code 1h30m}, {@code 2d} or ISO-8601 ({@code PT1H}); at
 * least one second.
 */
final class IntervalConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        Duration d = parse(value.strip().toLowerCase(Locale.ROOT));
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new CommandLine.TypeConversionException("interval must be at least 1s: " + value);
        }
        return d;
    }

    private static Duration parse(String s) {
        if (s.startsWith("pt") || s.startsWith("p")) {
            try {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("not a duration: " + s);
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
            throw new CommandLine.TypeConversionException("not a duration (try 90s, 15m, 1h): " + s);
        }
        return d;
    }

    /** The shortest text {@link #convert} reads back as {@code d}: {@code 1h30m}, {@code 2s}. */
    static String format(Duration d) {
        StringBuilder b = new StringBuilder();
        long s = d.getSeconds();
        if (s / 3600 > 0) {
            b.append(s / 3600).append('h');
        }
        if (s % 3600 / 60 > 0) {
            b.append(s % 3600 / 60).append('m');
        }
        if (s % 60 > 0 || b.length() == 0) {
            b.append(s % 60).append('s');
        }
        return b.toString();
    }
}
