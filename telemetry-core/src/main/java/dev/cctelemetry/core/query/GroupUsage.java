package dev.cctelemetry.core.query;

import java.time.Instant;
import java.util.Objects;

/**
 * Usage of one project, model or machine.
 *
 * @param dimension what the rows are grouped by
 * @param key the group's key (project folder, model label, machine id)
 * @param label what a reader sees for it (working directory, model label, machine name; "" when unknown)
 * @param usage its usage
 * @param firstActivity its first request's time
 * @param lastActivity its last request's time
 */
public record GroupUsage(GroupDimension dimension, String key, String label, UsageSummary usage,
        Instant firstActivity, Instant lastActivity) {

    public GroupUsage {
        Objects.requireNonNull(dimension, "dimension is null");
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(label, "label is null");
        Objects.requireNonNull(usage, "usage is null");
        Objects.requireNonNull(firstActivity, "firstActivity is null");
        Objects.requireNonNull(lastActivity, "lastActivity is null");
    }
}
