package dev.cctelemetry.cli;

import dev.cctelemetry.poller.IntervalText;
import java.time.Duration;
import picocli.CommandLine;

/** Parses {@code --interval} ({@link IntervalText}: {@code 90s}, {@code 15m}, {@code 1h30m}, {@code PT1H}); at least one second. */
final class IntervalConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration d;
        try {
            d = IntervalText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new CommandLine.TypeConversionException("interval must be at least 1s: " + value);
        }
        return d;
    }
}
