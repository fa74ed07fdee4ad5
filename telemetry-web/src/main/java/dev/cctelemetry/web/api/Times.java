package dev.cctelemetry.web.api;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the report tables print them: {@code 2026-07-19 14:03} in the view's zone. */
final class Times {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private Times() {
    }

    /** The minute of {@code t} in {@code zone}. */
    static String minute(Instant t, ZoneId zone) {
        return MINUTE.format(t.atZone(zone));
    }
}
