package dev.cctelemetry.core.query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one timestamp format of query rows and reports: UTC with milliseconds, as JavaScript's {@code toISOString()}. */
public final class IsoMillis {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private IsoMillis() {
    }

    /** {@code 2025-08-01T10:00:05.000Z}. */
    public static String format(Instant t) {
        return FORMAT.format(t);
    }
}
