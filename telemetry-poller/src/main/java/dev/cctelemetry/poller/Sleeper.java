package dev.cctelemetry.poller;

import java.time.Duration;

/** Waits ({@code Thread::sleep} in production, a fake that advances fake clocks in tests). */
@FunctionalInterface
public interface Sleeper {

    /**
     * Sleeps for about {@code duration}.
     *
     * @throws InterruptedException when the daemon is asked to stop while sleeping
     */
    void sleep(Duration duration) throws InterruptedException;

    /** The real sleeper. */
    static Sleeper threadSleep() {
        return d -> Thread.sleep(Math.max(0, d.toMillis()));
    }
}
