package dev.cctelemetry.core.limits;

import java.time.Instant;
import java.util.Objects;

/**
 * What a window stood at, as Claude Code showed it: the share of the window used and when the window resets.
 *
 * @param window the window
 * @param usedPercentage share used, in percent as the payload gives it ({@code 17.3}); finite, 0 or more (a
 *     spend limit can pass 100)
 * @param resetsAt when the window's current period ends
 */
public record LimitLevel(LimitWindow window, double usedPercentage, Instant resetsAt) {

    /** Readings above this are not believed: no plan limit is used ten times over. */
    public static final double MAX_PERCENTAGE = 1000;

    public LimitLevel {
        Objects.requireNonNull(window, "window is null");
        Objects.requireNonNull(resetsAt, "resetsAt is null");
        if (!isPlausible(usedPercentage)) {
            throw new IllegalArgumentException("usedPercentage must be 0.." + MAX_PERCENTAGE + ", got " + usedPercentage);
        }
    }

    /** Whether a payload's percentage can be a reading (finite, 0 to {@link #MAX_PERCENTAGE}). */
    public static boolean isPlausible(double usedPercentage) {
        return Double.isFinite(usedPercentage) && usedPercentage >= 0 && usedPercentage <= MAX_PERCENTAGE;
    }

    /** Whether this says the same as {@code other}: same window, percentage and reset time. */
    public boolean sameAs(LimitLevel other) {
        // The windows' keys, not the records: a record's first equals() in a process starts the JDK's method-handle
        // machinery (about 30 ms on JDK 17), which the status line, run once per turn, otherwise never needs.
        return window.key().equals(other.window.key()) && Double.compare(usedPercentage, other.usedPercentage) == 0
                && resetsAt.equals(other.resetsAt);
    }
}
