package dev.cctelemetry.testing;

import dev.cctelemetry.core.port.out.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Time a test moves by hand: a wall clock, a monotonic nanosecond counter and a sleeper that advance together
 * (sleeping is time passing); {@link #jumpWall} moves the wall clock alone, as a suspended machine or a clock set
 * forward or back does. Every module's tests share it (one fake clock, not one per module).
 */
public final class FakeTime extends Clock implements LongSupplier, Sleeper {

    private Instant wall;
    private long nanos = 1_000_000_000L;
    private final List<Duration> sleeps = new ArrayList<>();

    /** Time starting at {@code start}. */
    public FakeTime(Instant start) {
        this.wall = start;
    }

    /** Time starting at 2025-09-01T10:00:00Z. */
    public FakeTime() {
        this(Instant.parse("2025-09-01T10:00:00Z"));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        return wall;
    }

    /** The monotonic counter, in nanoseconds. */
    @Override
    public synchronized long getAsLong() {
        return nanos;
    }

    /** Records the wait and lets that much time pass. */
    @Override
    public synchronized void sleep(Duration d) {
        sleeps.add(d);
        advance(d);
    }

    /** Both clocks move: real time passing. */
    public synchronized void advance(Duration d) {
        wall = wall.plus(d);
        nanos += d.toNanos();
    }

    /** Only the wall clock moves: a suspended machine or a clock set forward or back. */
    public synchronized void jumpWall(Duration d) {
        wall = wall.plus(d);
    }

    /** The monotonic counter in whole seconds. */
    public synchronized long monotonicSeconds() {
        return nanos / 1_000_000_000L;
    }

    /** The waits asked for so far, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
