package dev.cctelemetry.hooks.worker;

import java.time.Duration;

/** Waits; a seam so tests can advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Really sleeps. */
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    /** Waits for about {@code d}. */
    void sleep(Duration d) throws InterruptedException;
}
