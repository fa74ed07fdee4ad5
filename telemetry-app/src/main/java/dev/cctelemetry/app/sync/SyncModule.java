package dev.cctelemetry.app.sync;

import com.google.inject.AbstractModule;
import java.util.Objects;

/**
 * The sync feature: the ingest over the ledger under the machine's sync lock.
 *
 * <p>Public bindings: {@link SyncLockGate} (the front end's, {@link SyncLockGate#NONE} for most), {@link Syncs},
 * {@link ManualSync}.
 */
public final class SyncModule extends AbstractModule {

    private final SyncLockGate gate;

    /** The module, with the front end's gate around the sync lock. */
    public SyncModule(SyncLockGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate is null");
    }

    @Override
    protected void configure() {
        bind(SyncLockGate.class).toInstance(gate);
        bind(Syncs.class);
        bind(ManualSync.class);
    }
}
