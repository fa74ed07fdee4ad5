package dev.cctelemetry.app.sync;

import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.ledger.PriceTables;
import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.port.in.SyncUseCase;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.SyncLock;
import dev.cctelemetry.core.pricing.CostCalculator;
import dev.cctelemetry.core.sync.SyncService;
import jakarta.inject.Inject;

/**
 * Builds the ingest ({@link SyncUseCase}) over an open ledger, holding the machine's sync lock
 * ({@code state/sync.lock}) through the process's {@link SyncLockGate}.
 */
public final class Syncs {

    /** Hook syncs read one session's few files. */
    private static final int HOOK_THREADS = 2;

    private final TelemetryEnvironment env;
    private final PriceTables prices;
    private final SyncLockGate gate;

    @Inject
    Syncs(TelemetryEnvironment env, PriceTables prices, SyncLockGate gate) {
        this.env = env;
        this.prices = prices;
        this.gate = gate;
    }

    /** The machine's sync lock itself, without the gate. */
    public SyncLock machineLock() {
        return new FileSyncLock(env.layout().syncLock());
    }

    /** A sync writing into {@code ledger}, reading files on every core but the writer's. */
    public SyncUseCase over(Ledger ledger) {
        // One core for the thread that writes SQLite, the rest read: on two cores a second reader only took time
        // from the writer, which is the longer of the two (500 MiB cold: 1.7 s -> 1.6 s with one reader).
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        return new SyncService(ledger, gate.guard(machineLock()), new CostCalculator(prices.prices()),
                System::nanoTime, threads, env.batchRecords());
    }

    /** A sync of one hook's session into {@code ledger}: a few files, two readers, the default batch. */
    public SyncUseCase forHook(Ledger ledger) {
        return new SyncService(ledger, gate.guard(machineLock()), new CostCalculator(prices.prices()),
                System::nanoTime, HOOK_THREADS);
    }
}
