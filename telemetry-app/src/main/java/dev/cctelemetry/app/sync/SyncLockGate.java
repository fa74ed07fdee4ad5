package dev.cctelemetry.app.sync;

import dev.cctelemetry.core.port.out.SyncLock;

/**
 * Wraps the machine's sync lock with work a front end must do while it holds the lock (the hook worker opens its
 * log file only then: only one process may write it). Most processes need none: {@link #NONE}.
 */
@FunctionalInterface
public interface SyncLockGate {

    /** No gate: the lock as it is. */
    SyncLockGate NONE = lock -> lock;

    /** {@code lock}, with the gate's work around every acquisition and release. */
    SyncLock guard(SyncLock lock);
}
