package dev.cctelemetry.core.query;

import java.time.DayOfWeek;
import java.util.Objects;

/**
 * Usage of one hour of the week in a zone (a heatmap cell): every Tuesday 14:00–15:00 together.
 *
 * @param weekday the local day of the week
 * @param hour the local hour, 0 to 23
 * @param usage its usage
 */
public record HourOfWeekUsage(DayOfWeek weekday, int hour, UsageSummary usage) {

    public HourOfWeekUsage {
        Objects.requireNonNull(weekday, "weekday is null");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0 to 23: " + hour);
        }
        Objects.requireNonNull(usage, "usage is null");
    }
}
