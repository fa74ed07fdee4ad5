package dev.cctelemetry.web.query;

import java.time.DayOfWeek;
import java.util.Objects;

/**
 * Usage that fell in one hour of one weekday (local time of the filter's zone), summed over all weeks.
 *
 * @param day the weekday
 * @param hour the hour, 0 to 23
 * @param usage the usage
 */
public record HourOfWeek(DayOfWeek day, int hour, UsageFigures usage) {

    public HourOfWeek {
        Objects.requireNonNull(day, "day is null");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0..23: " + hour);
        }
        Objects.requireNonNull(usage, "usage is null");
    }
}
