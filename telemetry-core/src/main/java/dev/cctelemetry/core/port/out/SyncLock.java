package dev.cctelemetry.core.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * The machine-wide lock every ingest holds (manual sync, hook worker, daemon pass), so that two ingests never
 * run at once. Backed by an OS file lock: a holder that dies releases it.
 */
public interface SyncLock {

    /** Waits until the lock is free, then holds it until the returned handle is closed. */
    Held acquire() throws InterruptedException;

    /** Takes the lock if it becomes free within {@code wait}; empty if it does not. */
    Optional<Held> tryAcquire(Duration wait) throws InterruptedException;

    /** A held lock. */
    interface Held extends AutoCloseable {
        /** Releases the lock. */
        @Override
        void close();

        /**
         * Whether the previous holder died while holding the lock (killed, crashed, power lost) instead of
         * releasing it, so its ingest was interrupted. Lock implementations that cannot tell say false.
         */
        default boolean previousHolderDied() {
            return false;
        }
    }
}
