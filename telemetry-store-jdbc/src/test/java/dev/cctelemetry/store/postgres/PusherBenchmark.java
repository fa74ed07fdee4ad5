package dev.cctelemetry.store.postgres;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.push.Backoff;
import dev.cctelemetry.core.adapter.file.JsonPushStatusStore;
import dev.cctelemetry.core.push.PushMode;
import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.core.push.Pusher;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end push figures as users meet them: the core {@link Pusher} reading a real SQLite ledger and writing to
 * the test server. Prints, never asserts. Runs only with {@code -Dcct.benchmark=true}:
 * <pre>
 * ./mvnw -B -o test -pl telemetry-store-jdbc -am -Dtest=PusherBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dcct.benchmark=true
 * </pre>
 * Optional: {@code -Dcct.benchmark.records=1000000}.
 */
class PusherBenchmark {

    @TempDir
    Path dir;

    @Test
    void pushFigures() throws Exception {
        assumeTrue(Boolean.getBoolean("cct.benchmark"), "benchmark: run with -Dcct.benchmark=true");
        int total = Integer.getInteger("cct.benchmark.records", 1_000_000);
        try (TestPostgres pg = TestPostgres.schemaOrSkip();
                SqliteLedger ledger = SqliteLedger.open(dir.resolve("bench.db"), "v")) {
            long fill = System.nanoTime();
            for (int from = 0; from < total; from += 20_000) {
                List<UsageRecord> batch = PostgresPushBenchmark.records(from, Math.min(20_000, total - from));
                ledger.commit(new Ledger.IngestBatch(batch, List.of(), List.of()));
            }
            System.out.printf(Locale.ROOT, "ledger filled with %,d records in %.1f s (not part of the push)%n", total,
                    (System.nanoTime() - fill) / 1e9);

            long start = System.nanoTime();
            PushResult backfill;
            try (PostgresUsageSink sink = pg.sink()) {
                backfill = pusher(ledger, sink).push(PushMode.MANUAL);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "backfill push of %,d records from the SQLite ledger (batches of %,d, incl."
                    + " connect + schema creation): %.1f s, %,.0f records/s (%s)%n", backfill.pushed(),
                    Pusher.DEFAULT_BATCH, seconds, backfill.pushed() / seconds, backfill.outcome());

            int runs = 30;
            long[] nanos = new long[runs];
            int next = total;
            for (int i = 0; i < runs + 10; i++) {
                List<UsageRecord> batch = PostgresPushBenchmark.records(next, 100);
                next += 100;
                ledger.commit(new Ledger.IngestBatch(batch, List.of(), List.of()));
                long t = System.nanoTime();
                try (PostgresUsageSink sink = pg.sink()) {
                    pusher(ledger, sink).push(PushMode.AUTOMATIC);
                }
                if (i >= 10) {
                    nanos[i - 10] = System.nanoTime() - t;
                }
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "everyday push of 100 new records from the ledger incl. new connection"
                    + " (%d runs): median %.1f ms, p90 %.1f ms, max %.1f ms%n", runs, nanos[runs / 2] / 1e6,
                    nanos[runs * 9 / 10] / 1e6, nanos[runs - 1] / 1e6);
            System.out.printf(Locale.ROOT, "rows stored: %d%n", pg.number("SELECT count(*) FROM usage_events"));
        }
    }

    private Pusher pusher(SqliteLedger ledger, PostgresUsageSink sink) {
        return new Pusher(ledger, sink, Records.LAPTOP, new FileSyncLock(dir.resolve("push.lock")),
                new JsonPushStatusStore(dir.resolve("push-status.json")), Backoff.DEFAULT, Clock.systemUTC(),
                Pusher.DEFAULT_BATCH);
    }
}
