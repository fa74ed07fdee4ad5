package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.pricing.CostCalculator;
import dev.cctelemetry.core.pricing.PriceTableLoader;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncService;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.usage.UsageRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real SQLite ledger and sync service in a temp folder, for tests. */
final class LedgerHarness {

    final Path home;

    LedgerHarness(Path home) {
        this.home = home;
    }

    SqliteLedger open() {
        return SqliteLedger.open(home.resolve("telemetry.db"), "test-prices");
    }

    SyncSummary sync(List<ClaudeRoot> roots, boolean force) throws IOException, InterruptedException {
        try (SqliteLedger ledger = open()) {
            return service(ledger).sync(new SyncRequest(roots, force, f -> true), SyncProgress.NONE);
        }
    }

    SyncSummary sync(Path root) throws IOException, InterruptedException {
        return sync(List.of(new ClaudeRoot(root)), false);
    }

    SyncService service(SqliteLedger ledger) {
        return new SyncService(ledger, new FileSyncLock(home.resolve("state/sync.lock")),
                new CostCalculator(new PriceTableLoader().builtin()), System::nanoTime, 2);
    }

    /** A sync that commits every {@code batch} records and walks {@code window} transcripts at a time. */
    SyncSummary sync(Path root, int batch, int window) throws IOException, InterruptedException {
        try (SqliteLedger ledger = open()) {
            return new SyncService(ledger, new FileSyncLock(home.resolve("state/sync.lock")),
                    new CostCalculator(new PriceTableLoader().builtin()), System::nanoTime, 2, batch, window)
                    .sync(SyncRequest.all(List.of(new ClaudeRoot(root))), SyncProgress.NONE);
        }
    }

    List<UsageRecord> records() {
        List<UsageRecord> out = new ArrayList<>();
        try (SqliteLedger ledger = open()) {
            ledger.forEachRecord(Ledger.RecordFilter.ALL, out::add);
        }
        return out;
    }
}
