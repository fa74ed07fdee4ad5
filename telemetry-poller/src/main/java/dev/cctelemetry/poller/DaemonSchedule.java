package dev.cctelemetry.poller;

import java.time.Duration;
import java.util.Objects;

/**
 * When passes run.
 *
 * @param interval time between the end of a successful pass and the start of the next
 * @param firstBackoff wait after the first failure; it doubles with each further failure, capped at the interval
 * @param slice longest single sleep: the loop re-reads both clocks this often, so a suspend or a stop request is
 *              noticed within one slice
 */
public record DaemonSchedule(Duration interval, Duration firstBackoff, Duration slice) {

    /** Default interval when Claude Code hooks are installed: they catch most sessions as they end. */
    public static final Duration WITH_HOOKS = Duration.ofMinutes(60);
    /** Default interval without hooks: the daemon is then the only path into the ledger. */
    public static final Duration WITHOUT_HOOKS = Duration.ofMinutes(15);
    /** The first wait after a failure. */
    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    /** The longest single sleep. */
    public static final Duration SLICE = Duration.ofSeconds(5);

    /** Validates the durations. */
    public DaemonSchedule {
        Objects.requireNonNull(interval, "interval is null");
        Objects.requireNonNull(firstBackoff, "firstBackoff is null");
        Objects.requireNonNull(slice, "slice is null");
        if (interval.isNegative() || interval.isZero() || firstBackoff.isNegative() || firstBackoff.isZero()
                || slice.isNegative() || slice.isZero()) {
            throw new IllegalArgumentException("durations must be positive");
        }
    }

    /** The production schedule for an interval: 30 s first backoff (or the interval if shorter), 5 s slices. */
    public static DaemonSchedule every(Duration interval) {
        Duration first = FIRST_BACKOFF.compareTo(interval) < 0 ? FIRST_BACKOFF : interval;
        return new DaemonSchedule(interval, first, SLICE);
    }

    /** The default interval: hourly when hooks are installed, every 15 minutes when they are not. */
    public static Duration defaultInterval(boolean hooksInstalled) {
        return hooksInstalled ? WITH_HOOKS : WITHOUT_HOOKS;
    }

    /**
     * The wait before the next pass.
     *
     * @param consecutiveFailures failed passes in a row (0 after a success)
     */
    public Duration delayAfter(int consecutiveFailures) {
        if (consecutiveFailures <= 0) {
            return interval;
        }
        Duration d = firstBackoff;
        for (int i = 1; i < consecutiveFailures && d.compareTo(interval) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(interval) < 0 ? d : interval;
    }
}
