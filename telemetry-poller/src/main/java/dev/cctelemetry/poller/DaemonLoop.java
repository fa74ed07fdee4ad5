package dev.cctelemetry.poller;

import java.util.function.LongSupplier;
import dev.cctelemetry.core.port.out.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's schedule: a pass at start, then one every interval; after a failure the wait starts at the
 * schedule's first backoff and doubles, capped at the interval, and the first success returns to the interval.
 *
 * <p>The wait is measured on the monotonic monotonic clock, in slices, and also ends early once the wall clock
 * says the whole wait has passed: on a machine that was suspended the monotonic clock stood still, so the wall
 * clock is what notices it, and the pass runs within a slice of waking. A wall clock set back is ignored (the
 * monotonic deadline still holds); one set forward triggers at most one early pass, after which both clocks are
 * re-read as the new baseline. So a clock jump neither spins the loop nor skips a pass for long.
 *
 * <p>{@link #stop()} (called from a shutdown hook on SIGTERM or Ctrl-C) sets a flag and interrupts the loop's
 * thread: a sleep ends at once; an ingest stops between commits, each of which is atomic with its checkpoints.
 */
public final class DaemonLoop {

    private static final Logger log = LoggerFactory.getLogger(DaemonLoop.class);

    /** What one pass is (a {@link ReconciliationPass} in production). */
    @FunctionalInterface
    public interface Pass {
        /** Runs one pass; only a stop request may escape, as {@link InterruptedException}. */
        PassOutcome run() throws InterruptedException;
    }

    /** Told about each pass (the status file in production). */
    @FunctionalInterface
    public interface Listener {
        /**
         * A pass ended.
         *
         * @param outcome the pass
         * @param consecutiveFailures failed passes in a row, this one included (0 after a success)
         * @param nextDelay the wait before the next pass
         */
        void passed(PassOutcome outcome, int consecutiveFailures, Duration nextDelay) throws IOException;
    }

    private final Pass pass;
    private final Listener listener;
    private final DaemonSchedule schedule;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private volatile boolean stopping;
    private volatile Thread runner;
    private int consecutiveFailures;
    private long passes;

    /**
     * A loop.
     *
     * @param pass one pass
     * @param listener told about each pass
     * @param schedule interval and backoff
     * @param clock wall clock (to notice a suspended machine)
     * @param nanoTime monotonic clock (to measure waits)
     * @param sleeper how to wait one slice
     */
    public DaemonLoop(Pass pass, Listener listener, DaemonSchedule schedule, Clock clock, LongSupplier nanoTime,
            Sleeper sleeper) {
        this.pass = Objects.requireNonNull(pass, "pass is null");
        this.listener = Objects.requireNonNull(listener, "listener is null");
        this.schedule = Objects.requireNonNull(schedule, "schedule is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime is null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper is null");
    }

    /** Runs passes until {@link #stop()}; returns the number of passes completed. */
    public long run() {
        runner = Thread.currentThread();
        log.info("daemon started: interval {}, first backoff {}", IntervalText.format(schedule.interval()),
                IntervalText.format(schedule.firstBackoff()));
        try {
            while (!stopping) {
                PassOutcome outcome;
                try {
                    outcome = pass.run();
                } catch (InterruptedException e) {
                    log.info("stop requested during a pass; committed work is kept");
                    break;
                }
                passes++;
                consecutiveFailures = outcome.ok() ? 0 : consecutiveFailures + 1;
                Duration delay = schedule.delayAfter(consecutiveFailures);
                String next = consecutiveFailures == 0 ? "next pass in " + IntervalText.format(delay)
                        : "retrying in " + IntervalText.format(delay) + " (" + consecutiveFailures + " failed in a row)";
                if (outcome.ok()) {
                    log.info("{}; {}", outcome.describe(), next);
                } else {
                    log.warn("{}; {}", outcome.describe(), next);
                }
                try {
                    listener.passed(outcome, consecutiveFailures, delay);
                } catch (IOException | RuntimeException e) {
                    log.warn("cannot record the pass outcome: {}", e.toString());
                }
                if (!await(delay)) {
                    break;
                }
            }
        } finally {
            runner = null;
            // A stop that interrupted us must not leak into the caller's cleanup.
            Thread.interrupted();
            log.info("daemon stopped after {} {}", passes, passes == 1 ? "pass" : "passes");
        }
        return passes;
    }

    /** Asks the loop to stop: a sleep ends now, a pass at its next commit boundary. Safe from any thread. */
    public void stop() {
        stopping = true;
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Whether a stop was requested. */
    public boolean stopping() {
        return stopping;
    }

    /** Failed passes in a row (0 after a success). */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** Waits {@code delay}; false when a stop was requested. */
    boolean await(Duration delay) {
        long startNanos = nanoTime.getAsLong();
        Instant startWall = clock.instant();
        long delayNanos = delay.toNanos();
        long sliceNanos = schedule.slice().toNanos();
        while (!stopping) {
            long waited = nanoTime.getAsLong() - startNanos;
            if (waited >= delayNanos) {
                return true;
            }
            Duration wallWaited = Duration.between(startWall, clock.instant());
            if (wallWaited.compareTo(delay) >= 0) {
                log.info("the wall clock moved {} during a {} monotonic wait (suspend or clock change): passing now",
                        wallWaited, Duration.ofNanos(waited));
                return true;
            }
            try {
                sleeper.sleep(Duration.ofNanos(Math.min(sliceNanos, delayNanos - waited)));
            } catch (InterruptedException e) {
                return false;
            }
        }
        return false;
    }

}
