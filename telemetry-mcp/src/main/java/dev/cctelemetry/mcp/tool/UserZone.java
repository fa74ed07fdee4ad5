package dev.cctelemetry.mcp.tool;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The user's time zone, whose calendar decides what "today" and "this week" are: the front end picks it (the
 * system's, honouring {@code TZ}, as {@code report} does).
 *
 * @param zone the zone
 */
public record UserZone(ZoneId zone) {
    public UserZone {
        Objects.requireNonNull(zone, "zone is null");
    }
}
