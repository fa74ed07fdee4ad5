package dev.cctelemetry.web.query;

import java.util.Objects;

/**
 * Usage of one project, model or machine.
 *
 * @param key the project directory, model id or machine name
 * @param detail the project's latest working directory, or "" for other groupings
 * @param sessions distinct sessions with records in the group
 * @param usage the group's usage
 */
public record GroupUsage(String key, String detail, long sessions, UsageFigures usage) {

    public GroupUsage {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(detail, "detail is null");
        Objects.requireNonNull(usage, "usage is null");
    }
}
