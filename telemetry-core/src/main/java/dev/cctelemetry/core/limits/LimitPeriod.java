package dev.cctelemetry.core.limits;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One period of a window (from one reset to the next) as its readings show it.
 *
 * @param window the window
 * @param resetsAt when the period ends: its first reading's reset time, which names the period (alert state is kept
 *     per window and this instant)
 * @param readings its readings, oldest first; never empty
 * @param peak the highest share used seen in it
 * @param reachedFullAt when a reading first showed 100 % or more, if one did
 */
public record LimitPeriod(LimitWindow window, Instant resetsAt, List<PlanLimitReading> readings, double peak,
        Optional<Instant> reachedFullAt) {

    public LimitPeriod {
        Objects.requireNonNull(window, "window is null");
        Objects.requireNonNull(resetsAt, "resetsAt is null");
        readings = List.copyOf(readings);
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("a period has at least one reading");
        }
        Objects.requireNonNull(reachedFullAt, "reachedFullAt is null");
    }

    /** The period's latest reading. */
    public PlanLimitReading latest() {
        return readings.get(readings.size() - 1);
    }

    /** Whether the period is still running at {@code now}. */
    public boolean isCurrentAt(Instant now) {
        return now.isBefore(latest().resetsAt());
    }
}
