package dev.cctelemetry.core.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one timestamp format of reports: UTC with milliseconds, as JavaScript's {@code toISOString()}. */
final class ReportTime {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ReportTime() {
    }

    /** {@code 2025-08-01T10:00:05.000Z}. */
    static String iso(Instant t) {
        return ISO_MILLIS.format(t);
    }
}
