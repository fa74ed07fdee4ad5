package dev.cctelemetry.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.limits.LimitLevel;
import dev.cctelemetry.core.limits.LimitWindow;
import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.MachineIdentity;
import dev.cctelemetry.core.push.Backoff;
import dev.cctelemetry.core.adapter.file.JsonPushStatusStore;
import dev.cctelemetry.core.push.PushMode;
import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.core.push.Pusher;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.store.sqlite.LedgerOutboxTest;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core {@link Pusher} from a real SQLite ledger into the real test server. */
class PusherPostgresTest {

    private static final String EVENTS = "SELECT message_id, request_id, machine_id, session_id, ts, input, output,"
            + " cache_read, source_file, source_offset, cost_usd FROM usage_events ORDER BY message_id, request_id";

    @TempDir
    Path dir;

    private Pusher pusher(SqliteLedger ledger, PostgresUsageSink sink, MachineIdentity machine, int batch) {
        Path state = dir.resolve(machine.name());
        return new Pusher(ledger, sink, machine, new FileSyncLock(state.resolve("push.lock")),
                new JsonPushStatusStore(state.resolve("push-status.json")), Backoff.DEFAULT, Clock.systemUTC(), batch);
    }

    private Pusher pusherWithReadings(SqliteLedger ledger, PostgresUsageSink sink, MachineIdentity machine) {
        Path state = dir.resolve(machine.name());
        return new Pusher(ledger, sink, machine, new FileSyncLock(state.resolve("push.lock")),
                new JsonPushStatusStore(state.resolve("push-status.json")), Backoff.DEFAULT, Clock.systemUTC(), 2,
                Optional.of(new Pusher.Readings(ledger.planLimitLog(), sink)));
    }

    @Test
    void planLimitReadingsFollowTheRecordsAndArePushedOnce() throws Exception {
        Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
        Instant reset = Instant.parse("2026-12-07T15:00:00Z");
        try (TestPostgres pg = TestPostgres.schemaOrSkip();
                SqliteLedger laptop = SqliteLedger.open(dir.resolve("laptop.db"), "v");
                PostgresUsageSink sink = pg.sink()) {
            commit(laptop, Records.fullRange(0, 3, "/home/u/.claude/projects/p/a.jsonl"));
            for (int i = 0; i < 5; i++) {
                laptop.planLimitLog().recordChanges(List.of(new PlanLimitReading(
                        new LimitLevel(LimitWindow.FIVE_HOUR, 10 + i, reset), t0.plusSeconds(i), "s")));
            }
            Pusher pusher = pusherWithReadings(laptop, sink, Records.LAPTOP);

            assertThat(pusher.push(PushMode.MANUAL).outcome()).isEqualTo(PushResult.Outcome.PUSHED);
            assertThat(pusher.push(PushMode.MANUAL).outcome()).isEqualTo(PushResult.Outcome.PUSHED);
            assertThat(pg.number("SELECT count(*) FROM plan_limit_readings")).isEqualTo(5);
            laptop.planLimitLog().recordChanges(List.of(new PlanLimitReading(
                    new LimitLevel(LimitWindow.SEVEN_DAY, 3, reset.plusSeconds(86_400)), t0.plusSeconds(9), "s")));
            pusher.push(PushMode.MANUAL);

            assertThat(pg.rows("SELECT limit_window, used_percentage FROM plan_limit_readings ORDER BY seen_at"))
                    .containsExactly("five_hour | 10", "five_hour | 11", "five_hour | 12", "five_hour | 13",
                            "five_hour | 14", "seven_day | 3");
            assertThat(laptop.planLimitLog().pendingReadings(laptop.planLimitLog().readingsPushedMark(
                    sink.describe()), 10).isEmpty()).isTrue();
        }
    }

    private static void commit(SqliteLedger ledger, List<UsageRecord> records) {
        ledger.commit(new Ledger.IngestBatch(records, List.of(), List.of()));
    }

    @Test
    void twoMachinesAddUpAndARecordBothHoldCountsOnce() throws Exception {
        try (TestPostgres pg = TestPostgres.schemaOrSkip();
                SqliteLedger laptop = SqliteLedger.open(dir.resolve("laptop.db"), "v");
                SqliteLedger desktop = SqliteLedger.open(dir.resolve("desktop.db"), "v");
                PostgresUsageSink sink = pg.sink()) {
            // 0..59 only on the laptop, 40..99 on the desktop: 40..59 is a copied home directory.
            commit(laptop, Records.fullRange(0, 59, "/home/u/.claude/projects/p/a.jsonl"));
            commit(desktop, Records.fullRange(40, 99, "/home/u/.claude/projects/p/a.jsonl"));

            assertThat(pusher(laptop, sink, Records.LAPTOP, 25).push(PushMode.MANUAL).pushed()).isEqualTo(60);
            assertThat(pusher(desktop, sink, Records.DESKTOP, 25).push(PushMode.MANUAL).pushed()).isEqualTo(60);

            long expectedTokens = Records.totalTokens(Records.fullRange(0, 99, "x"));
            assertThat(pg.number("SELECT count(*) FROM usage_events")).isEqualTo(100);
            assertThat(pg.number("SELECT sum(input + output + cache_write_5m + cache_write_1h + cache_read)"
                    + " FROM usage_events")).isEqualTo(expectedTokens);
            assertThat(pg.rows("SELECT name FROM machines ORDER BY name")).containsExactly("desktop", "laptop");
        }
    }

    @Test
    void theSameHistoryPushedTwiceLeavesIdenticalTables() throws Exception {
        try (TestPostgres pg = TestPostgres.schemaOrSkip();
                SqliteLedger ledger = SqliteLedger.open(dir.resolve("l.db"), "v");
                PostgresUsageSink sink = pg.sink()) {
            commit(ledger, Records.fullRange(0, 30, "/f.jsonl"));
            commit(ledger, List.of(Records.placeholder(31, "/f.jsonl")));
            commit(ledger, List.of(Records.full(31, "/f.jsonl")));
            pusher(ledger, sink, Records.LAPTOP, 10).push(PushMode.MANUAL);
            List<String> events = pg.rows(EVENTS);
            List<String> sessions = pg.rows("SELECT * FROM sessions ORDER BY session_id");

            // Forget the mark (as pointing at another store and back would): everything is sent again.
            ledger.markPushed("elsewhere", 0);
            PushResult again = pusher(ledger, sink, Records.LAPTOP, 7).push(PushMode.MANUAL);

            assertThat(again.pushed()).isEqualTo(32);
            assertThat(pg.rows(EVENTS)).isEqualTo(events);
            assertThat(pg.rows("SELECT * FROM sessions ORDER BY session_id")).isEqualTo(sessions);
            assertThat(pg.rows("SELECT output FROM usage_events WHERE message_id = 'msg_31'"))
                    .containsExactly(String.valueOf(Records.full(31, "/f.jsonl").tokens().output()));
        }
    }

    @Test
    void aVersionOneLedgerPushesAfterMigration() throws Exception {
        Path file = dir.resolve("v1.db");
        LedgerOutboxTest.writeVersionOneLedger(file, 40);
        try (TestPostgres pg = TestPostgres.schemaOrSkip();
                SqliteLedger ledger = SqliteLedger.open(file, "v");
                PostgresUsageSink sink = pg.sink()) {
            PushResult r = pusher(ledger, sink, Records.LAPTOP, 15).push(PushMode.MANUAL);

            assertThat(r.outcome()).isEqualTo(PushResult.Outcome.PUSHED);
            assertThat(pg.number("SELECT count(*) FROM usage_events")).isEqualTo(40);
            assertThat(pusher(ledger, sink, Records.LAPTOP, 15).push(PushMode.MANUAL).pushed()).isZero();
        }
    }

    @Test
    void aConnectionKilledMidPushLosesNothingAndDoublesNothing() throws Exception {
        int total = 120_000;
        try (TestPostgres pg = TestPostgres.schemaOrSkip();
                SqliteLedger ledger = SqliteLedger.open(dir.resolve("big.db"), "v")) {
            for (int from = 0; from < total; from += 10_000) {
                List<UsageRecord> batch = new ArrayList<>();
                for (int n = from; n < from + 10_000; n++) {
                    batch.add(Records.full(n, "/home/u/.claude/projects/p/" + n / 1000 + ".jsonl"));
                }
                commit(ledger, batch);
            }
            PushResult failed;
            try (PostgresUsageSink sink = pg.sink()) {
                sink.open();
                CompletableFuture<PushResult> running = CompletableFuture.supplyAsync(() -> {
                    try {
                        return pusher(ledger, sink, Records.LAPTOP, 10_000).push(PushMode.MANUAL);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                killPusherAfterFirstBatch(pg, running);
                failed = running.get(60, TimeUnit.SECONDS);
            }
            assertThat(failed.outcome()).as(failed.toString()).isEqualTo(PushResult.Outcome.FAILED);
            assertThat(failed.error().orElseThrow()).startsWith("PostgreSQL at 127.0.0.1:").doesNotContain(
                    TestPostgres.PASSWORD);
            assertThat(failed.pushed()).isPositive().isLessThan(total);
            assertThat(failed.pendingLeft()).isEqualTo(total - failed.pushed());

            try (PostgresUsageSink sink = pg.sink()) {
                PushResult resumed = pusher(ledger, sink, Records.LAPTOP, 10_000).push(PushMode.MANUAL);
                assertThat(resumed.outcome()).isEqualTo(PushResult.Outcome.PUSHED);
                // At most the batch in flight is sent again: the mark moved only after acknowledged commits.
                assertThat(resumed.pushed()).isEqualTo(total - failed.pushed());
            }
            assertThat(pg.number("SELECT count(*) FROM usage_events")).isEqualTo(total);
            assertThat(pg.number("SELECT count(DISTINCT (message_id, request_id)) FROM usage_events")).isEqualTo(total);
            long tokens = 0;
            for (int n = 0; n < total; n++) {
                tokens += Records.full(n, "x").tokens().total();
            }
            assertThat(pg.number("SELECT sum(input + output + cache_write_5m + cache_write_1h + cache_read)"
                    + " FROM usage_events")).isEqualTo(tokens);
        }
    }

    /** Waits until the store holds some of the push, then terminates the pusher's backend from outside. */
    private static void killPusherAfterFirstBatch(TestPostgres pg, CompletableFuture<PushResult> running)
            throws Exception {
        try (Connection admin = DriverManager.getConnection(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD);
                Statement st = admin.createStatement()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && !running.isDone()) {
                boolean some;
                try (ResultSet rs = st.executeQuery("SELECT count(*) > 0 FROM " + pg.schema + ".usage_events")) {
                    rs.next();
                    some = rs.getBoolean(1);
                }
                if (some) {
                    // Only the backend working in this test's schema: other suites may share the server.
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                            + " FROM (SELECT DISTINCT l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" + pg.schema + "'"
                            + " AND l.pid <> pg_backend_pid()) p")) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            return;
                        }
                    }
                }
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("the push finished before it could be interrupted");
    }
}
