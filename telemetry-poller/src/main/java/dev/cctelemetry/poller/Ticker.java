package dev.cctelemetry.poller;

/** A monotonic clock in nanoseconds ({@code System::nanoTime} in production, a fake in tests). */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds from an arbitrary origin; only differences mean anything. */
    long nanoTime();
}
