package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.testing.UsageQueriesContract;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's SQL queries keep the port's contract, over a real SQLite file written through the ledger. */
class SqliteUsageQueriesTest extends UsageQueriesContract {

    @TempDir
    Path home;

    private final AtomicInteger ledgers = new AtomicInteger();

    @Override
    protected UsageQueries queriesOver(List<UsageRecord> records) {
        Path file = home.resolve("telemetry-" + ledgers.incrementAndGet() + ".db");
        try (SqliteLedger ledger = SqliteLedger.open(file, "test-prices")) {
            ledger.commit(new Ledger.IngestBatch(records, List.of(), List.of()));
        }
        return SqliteUsageQueries.over(file, MACHINE_ID, MACHINE_NAME);
    }
}
