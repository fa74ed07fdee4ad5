package dev.cctelemetry.core.port.out;

import java.time.Duration;

/**
 * Waits: the hook worker for a transcript to settle, the daemon between passes. A seam, so tests advance fake
 * clocks instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /** Really sleeps ({@code Thread.sleep}; a negative wait is none). */
    Sleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));

    /**
     * Waits for about {@code duration}.
     *
     * @throws InterruptedException when asked to stop while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
