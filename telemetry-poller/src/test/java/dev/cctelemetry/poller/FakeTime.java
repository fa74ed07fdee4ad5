package dev.cctelemetry.poller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A wall clock, a monotonic ticker and a sleeper that advance together; tests move either clock alone. */
final class FakeTime extends Clock implements Ticker, Sleeper {

    private Instant wall = Instant.parse("2025-09-01T10:00:00Z");
    private long nanos = 1_000_000_000L;
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return wall;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public void sleep(Duration d) {
        sleeps.add(d);
        advance(d);
    }

    /** Both clocks move: real time passing. */
    void advance(Duration d) {
        wall = wall.plus(d);
        nanos += d.toNanos();
    }

    /** Only the wall clock moves: a suspended machine or a clock set forward/back. */
    void jumpWall(Duration d) {
        wall = wall.plus(d);
    }

    long monotonicSeconds() {
        return nanos / 1_000_000_000L;
    }
}
