package dev.cctelemetry.store.postgres;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cctelemetry.core.port.out.MachineIdentity;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Push figures against the test server; prints, never asserts. Runs only with {@code -Dcct.benchmark=true}:
 * <pre>
 * ./mvnw -B -o test -pl telemetry-store-jdbc -am -Dtest=PostgresPushBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dcct.benchmark=true
 * </pre>
 * Optional: {@code -Dcct.benchmark.records=1000000 -Dcct.benchmark.batch=50000}.
 * {@code -Dtest=PostgresPushBenchmark#summaryCost} alone times what the shared store's summary adds to a push.
 */
class PostgresPushBenchmark {

    private static final MachineIdentity MACHINE =
            new MachineIdentity("0b7d3c54-9a51-4f0e-9d55-7a1d2f3e4c5b", "bench", "linux");

    @Test
    void pushFigures() {
        assumeTrue(Boolean.getBoolean("cct.benchmark"), "benchmark: run with -Dcct.benchmark=true");
        int total = Integer.getInteger("cct.benchmark.records", 1_000_000);
        int batch = Integer.getInteger("cct.benchmark.batch", dev.cctelemetry.core.push.Pusher.DEFAULT_BATCH);
        try (TestPostgres pg = TestPostgres.schemaOrSkip()) {
            try (PostgresUsageSink first = pg.sink()) {
                first.open();
            }
            smallPushes(pg);
            backfill(pg, total, batch);
        }
    }

    /**
     * What keeping {@code usage_hours} adds to a push of 200,000 new records (batches of the pusher's default) and
     * to the same push repeated: fresh schemas, the summary's triggers on or off (off is exactly the push before
     * the summary: the same statements), interleaved, median of the rounds.
     */
    @Test
    void summaryCost() throws Exception {
        assumeTrue(Boolean.getBoolean("cct.benchmark"), "benchmark: run with -Dcct.benchmark=true");
        int total = Integer.getInteger("cct.benchmark.records", 200_000);
        int rounds = Integer.getInteger("cct.benchmark.rounds", 3);
        int batch = dev.cctelemetry.core.push.Pusher.DEFAULT_BATCH;
        List<UsageRecord> records = records(0, total);
        long[][] nanos = new long[4][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int on = 0; on < 2; on++) {
                try (TestPostgres pg = TestPostgres.schemaOrSkip()) {
                    try (PostgresUsageSink sink = pg.sink()) {
                        sink.open();
                        if (on == 0) {
                            try (Connection c = pg.connect(); Statement st = c.createStatement()) {
                                st.execute("ALTER TABLE usage_events DISABLE TRIGGER USER");
                            }
                        }
                        for (int pass = 0; pass < 2; pass++) {
                            long start = System.nanoTime();
                            for (int from = 0; from < total; from += batch) {
                                sink.push(MACHINE, records.subList(from, Math.min(total, from + batch)));
                            }
                            nanos[on * 2 + pass][round] = System.nanoTime() - start;
                        }
                    }
                    if (on == 1) {
                        System.out.printf(Locale.ROOT, "summary rows: %d for %d records%n",
                                pg.number("SELECT count(*) FROM usage_hours"), total);
                    }
                }
            }
        }
        String[] names = {"new records, no summary", "same push again, no summary", "new records, with summary",
            "same push again, with summary"};
        for (int i = 0; i < 4; i++) {
            Arrays.sort(nanos[i]);
            System.out.printf(Locale.ROOT, "push of %,d records (batches of %,d), %s: median %.2f s (%s)%n", total,
                    batch, names[i], nanos[i][rounds / 2] / 1e9, Arrays.stream(nanos[i])
                            .mapToObj(n -> String.format(Locale.ROOT, "%.2f", n / 1e9)).toList());
        }
    }

    /** What a hook-triggered sync pays: a new JVM-less connection, schema check, and 100 new records. */
    private static void smallPushes(TestPostgres pg) {
        int warmup = 20;
        int runs = 50;
        long[] millis = new long[runs];
        int next = 0;
        for (int i = 0; i < warmup + runs; i++) {
            List<UsageRecord> records = records(next, 100);
            next += 100;
            long start = System.nanoTime();
            try (PostgresUsageSink sink = pg.sink()) {
                sink.push(MACHINE, records);
            }
            long elapsed = System.nanoTime() - start;
            if (i >= warmup) {
                millis[i - warmup] = elapsed;
            }
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "push of 100 new records incl. connect + schema check (loopback, %d runs):"
                + " median %.1f ms, p90 %.1f ms, max %.1f ms%n", runs, millis[runs / 2] / 1e6,
                millis[runs * 9 / 10] / 1e6, millis[runs - 1] / 1e6);
    }

    /** A first push of a long history: one connection, many batches. */
    private static void backfill(TestPostgres pg, int total, int batch) {
        long start = System.nanoTime();
        try (PostgresUsageSink sink = pg.sink()) {
            for (int from = 10_000_000; from < 10_000_000 + total; from += batch) {
                sink.push(MACHINE, records(from, Math.min(batch, 10_000_000 + total - from)));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "backfill of %,d records in batches of %,d: %.1f s, %,.0f records/s%n", total,
                batch, seconds, total / seconds);
        System.out.printf(Locale.ROOT, "rows stored: %d%n", pg.number("SELECT count(*) FROM usage_events"));
    }

    /** Records shaped like a real history: 300 messages per session and file. */
    static List<UsageRecord> records(int from, int count) {
        List<UsageRecord> out = new ArrayList<>(count);
        for (int n = from; n < from + count; n++) {
            out.add(new UsageRecord(new UsageKey("msg_01" + Integer.toHexString(n) + "bench",
                    "req_011C" + n), "5f3c9a1e-0000-4000-8000-" + String.format(Locale.ROOT, "%012d", n / 300),
                    "-home-user-src-project", "/home/user/src/project", Records.T0.plusMillis(1000L * n),
                    "claude-sonnet-4-5-20250929", new TokenCounts(3 + n % 50, 120 + n % 900, 2_000, 0, 40_000 + n % 7),
                    "standard", "standard", "2.0.31", n % 9 == 0, n % 9 == 0 ? "a1b2c3" : "", true,
                    "/home/user/.claude", "/home/user/.claude/projects/-home-user-src-project/" + (n / 300) + ".jsonl",
                    1_000L * (n % 300), 0.0123 + (n % 100) / 10_000.0, CostSource.PRICE_TABLE));
        }
        return out;
    }
}
