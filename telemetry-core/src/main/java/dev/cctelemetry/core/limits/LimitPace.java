package dev.cctelemetry.core.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a window is heading if it keeps filling at the rate it has so far: "at this rate the 7-day window reaches
 * 100 % on Thu 14:00", or the share it will stand at when it resets.
 *
 * <p>The rate is the share used divided by the time since the period began, which is the reset minus the window's
 * length ({@link LimitWindow#length()}); a window of unknown length is measured from its period's first reading
 * instead (the rate between the first and the latest reading).
 *
 * @param reachesFullAt when the window would reach 100 %, if that is before it resets
 * @param atReset the share it would stand at when it resets (capped at what a reading can be), if it does not reach
 *     100 % before
 */
public record LimitPace(Optional<Instant> reachesFullAt, Optional<Double> atReset) {

    public LimitPace {
        Objects.requireNonNull(reachesFullAt, "reachesFullAt is null");
        Objects.requireNonNull(atReset, "atReset is null");
    }

    /**
     * The pace of the period at {@code now}; empty when there is no rate to speak of (nothing used yet, the period
     * has not begun, it is over, it is full already, or one reading of a window of unknown length).
     */
    public static Optional<LimitPace> of(LimitPeriod period, Instant now) {
        PlanLimitReading latest = period.latest();
        Instant reset = latest.resetsAt();
        double used = latest.usedPercentage();
        if (!now.isBefore(reset) || used >= 100 || used <= 0) {
            return Optional.empty();
        }
        Instant from;
        double base;
        Instant until;
        Optional<Duration> length = period.window().length();
        if (length.isPresent()) {
            from = reset.minus(length.get());
            base = 0;
            until = now;
        } else {
            PlanLimitReading first = period.readings().get(0);
            from = first.seenAt();
            base = first.usedPercentage();
            until = latest.seenAt();
        }
        double elapsed = Duration.between(from, until).toMillis();
        double gained = used - base;
        if (elapsed <= 0 || gained <= 0) {
            return Optional.empty();
        }
        double perMilli = gained / elapsed;
        double fullAfter = (100 - used) / perMilli; // from the moment of 'used'
        Instant usedAt = length.isPresent() ? now : latest.seenAt();
        Instant full = usedAt.plusMillis((long) Math.ceil(fullAfter));
        if (full.isBefore(reset)) {
            return Optional.of(new LimitPace(Optional.of(full), Optional.empty()));
        }
        double atReset = used + perMilli * Duration.between(usedAt, reset).toMillis();
        return Optional.of(new LimitPace(Optional.empty(), Optional.of(Math.min(atReset, LimitLevel.MAX_PERCENTAGE))));
    }
}
