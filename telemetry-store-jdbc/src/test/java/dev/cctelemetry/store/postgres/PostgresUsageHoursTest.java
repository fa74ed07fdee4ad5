package dev.cctelemetry.store.postgres;

import static dev.cctelemetry.store.postgres.Records.DESKTOP;
import static dev.cctelemetry.store.postgres.Records.LAPTOP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.query.GroupDimension;
import dev.cctelemetry.core.query.PeriodGrouping;
import dev.cctelemetry.core.query.SessionQuery;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.core.usage.WinnerRule;
import dev.cctelemetry.store.query.SqlAggregates;
import dev.cctelemetry.store.query.SqlRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared store's summary ({@code usage_hours}) equals its records' sums after every kind of write: pushes from
 * two machines, a copy that replaces a stored one (in another hour, from the other machine), a repeated push, a
 * deletion by hand, and a store of version 2 filled by the migrations; so do the session sums
 * ({@code usage_sessions}); and what the queries answer from them equals what they answer from the records alone.
 */
class PostgresUsageHoursTest {

    private static final Instant START = Instant.parse("2026-03-01T06:00:00Z");
    private static final String[] MODELS = {"claude-sonnet-4-5-20250929", "claude-opus-4-5-20251101"};
    private static final String ORDER = " ORDER BY 1, 2, 3, 4, 5, 6, 7, 8";
    private static final String SESSION_ORDER = " ORDER BY 1, 2, 3, 4, 5, 6";
    private static final String KEY = "machine_id, session_id, slot, label, project_dir, cwd, cost_source, request";

    @RegisterExtension
    final TestPostgres.PerTest db = new TestPostgres.PerTest();

    @Test
    void theSummaryEqualsTheRecordsAfterPushesReplacementsRepeatsAndDeletions() throws Exception {
        Random random = new Random(13);
        List<UsageRecord> laptop = generated(random, "lap", 400);
        // The desktop saw 60 of the laptop's responses again: 30 fuller copies (more output, an hour later, so the
        // stored row moves to another slot and machine), 30 placeholders that lose; and 200 of its own.
        List<UsageRecord> desktop = new ArrayList<>(generated(random, "desk", 200));
        int replacing = 0;
        for (int i = 0; i < 60; i++) {
            UsageRecord r = laptop.get(i * 5);
            TokenCounts t = r.tokens();
            UsageRecord c = i % 2 == 0
                    ? copy(r, new TokenCounts(t.input(), t.output() + 100, t.cacheWrite5m(), t.cacheWrite1h(),
                            t.cacheRead()), r.timestamp().plus(Duration.ofMinutes(61)), r.costUsd() + 0.5)
                    : copy(r, new TokenCounts(t.input(), 1, 0, 0, 0), r.timestamp(), 0.001);
            desktop.add(c);
            replacing += WinnerRule.winner(r, c) == c ? 1 : 0;
        }
        try (PostgresUsageSink sink = db.pg().sink()) {
            sink.push(LAPTOP, laptop);
            assertSummaryEqualsRecords("after the laptop's push");
            sink.push(DESKTOP, desktop);
            assertSummaryEqualsRecords("after the desktop's push with replacing copies");
            assertThat(db.pg().rows("SELECT count(*) FROM usage_events WHERE machine_id = '" + DESKTOP.machineId()
                    + "' AND message_id LIKE 'lap%'")).containsExactly(String.valueOf(replacing));
            assertThat(replacing).isGreaterThanOrEqualTo(30);

            List<String> versions = db.pg().rows("SELECT " + KEY + ", xmin::text FROM usage_hours" + ORDER);
            sink.push(LAPTOP, laptop);
            sink.push(DESKTOP, desktop);
            assertSummaryEqualsRecords("after both pushes again");
            // A repeated push replaces no record, so no summary row is even rewritten.
            assertThat(db.pg().rows("SELECT " + KEY + ", xmin::text FROM usage_hours" + ORDER))
                    .isEqualTo(versions);
        }
        try (Connection c = db.pg().connect(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM usage_events WHERE message_id LIKE 'lap-1%'");
        }
        assertSummaryEqualsRecords("after a deletion by hand");
    }

    @Test
    void aStoreOfThePreviousVersionGetsItsSummaryFromTheMigration() throws Exception {
        try (PostgresUsageSink sink = db.pg().sink()) {
            sink.push(LAPTOP, generated(new Random(5), "old", 300));
        }
        // As version 2 left it: records, no summary.
        try (Connection c = db.pg().connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE usage_hours, usage_sessions");
            st.execute("DROP FUNCTION usage_hours_add, usage_hours_replace, usage_hours_take_out,"
                    + " usage_hours_clear CASCADE");
            st.execute("UPDATE cct_schema SET version = 2");
        }
        try (PostgresUsageSink sink = db.pg().sink()) {
            assertThat(sink.open()).isEqualTo(2);
            assertSummaryEqualsRecords("after the migration");
            sink.push(DESKTOP, generated(new Random(6), "new", 50));
            assertSummaryEqualsRecords("after a push to the migrated store");
        }
    }

    @Test
    void answersFromTheSummaryEqualAnswersFromTheRecords() {
        try (PostgresUsageSink sink = db.pg().sink()) {
            sink.push(LAPTOP, generated(new Random(21), "lap", 500));
            sink.push(DESKTOP, generated(new Random(22), "desk", 300));
        }
        SqlRunner runner = new SqlRunner() {
            @Override
            public <T> T read(String what, Work<T> work) {
                try (Connection c = db.pg().connect()) {
                    return work.run(c);
                } catch (SQLException e) {
                    throw new IllegalStateException(what, e);
                }
            }
        };
        SqlAggregates summary = new SqlAggregates(runner, RemoteUsageTable.records(),
                Optional.of(RemoteUsageTable.hours()), Optional.of(RemoteUsageTable.sessions()), Optional.empty(),
                id -> "name of " + id);
        SqlAggregates records = new SqlAggregates(runner, RemoteUsageTable.records(), Optional.empty(),
                Optional.empty(), Optional.empty(), id -> "name of " + id);
        List<UsageFilter> filters = List.of(UsageFilter.ALL,
                UsageFilter.ALL.between(Optional.of(START.plus(Duration.ofHours(5))),
                        Optional.of(START.plus(Duration.ofHours(30)))),
                UsageFilter.ALL.withMachines(List.of("desktop")),
                UsageFilter.ALL.withModels(List.of(MODELS[1] + "-fast")));
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        for (UsageFilter f : filters) {
            assertThat(summary.totals(f)).as("totals %s", f).isEqualTo(records.totals(f));
            assertThat(summary.totals(f).requests()).as("a filter that selects something").isPositive();
            assertThat(summary.periods(f, PeriodGrouping.days(tokyo))).isEqualTo(records.periods(f,
                    PeriodGrouping.days(tokyo)));
            assertThat(summary.periods(f, PeriodGrouping.weeks(ZoneId.of("UTC"), DayOfWeek.MONDAY)))
                    .isEqualTo(records.periods(f, PeriodGrouping.weeks(ZoneId.of("UTC"), DayOfWeek.MONDAY)));
            for (GroupDimension d : GroupDimension.values()) {
                assertThat(summary.groups(f, d)).as("%s by %s", f, d).isEqualTo(records.groups(f, d));
            }
            assertThat(summary.sessions(f, SessionQuery.ALL)).isEqualTo(records.sessions(f, SessionQuery.ALL));
            assertThat(summary.blocks(f, Duration.ofHours(5), START.plus(Duration.ofDays(3))))
                    .isEqualTo(records.blocks(f, Duration.ofHours(5), START.plus(Duration.ofDays(3))));
            assertThat(summary.hoursOfWeek(f, tokyo)).isEqualTo(records.hoursOfWeek(f, tokyo));
        }
    }

    /** Stored summary rows (per hour, per session), each equal to the sums of the records as they are now. */
    private void assertSummaryEqualsRecords(String when) {
        List<String> fresh = db.pg().rows("SELECT * FROM (" + RemoteUsageHours.summary("usage_events e") + ") s" + ORDER);
        assertThat(fresh).as(when).isNotEmpty();
        assertThat(db.pg().rows("SELECT * FROM usage_hours" + ORDER)).as(when).isEqualTo(fresh);
        List<String> sessions = db.pg().rows("SELECT * FROM (" + RemoteUsageHours.sessionSummary("usage_events e") + ") s"
                + SESSION_ORDER);
        assertThat(sessions).as(when).isNotEmpty();
        assertThat(db.pg().rows("SELECT * FROM usage_sessions" + SESSION_ORDER)).as(when).isEqualTo(sessions);
    }

    /**
     * {@code n} records over two days: sessions of 20 in two projects, two models (fast mode too), placeholders,
     * some on the first millisecond of an hour (a slot of its own).
     */
    private static List<UsageRecord> generated(Random random, String prefix, int n) {
        List<UsageRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int session = i / 20;
            Instant t = random.nextInt(10) == 0
                    ? START.plus(Duration.ofHours(random.nextInt(48)))
                    : START.plusMillis(random.nextLong(Duration.ofHours(48).toMillis()));
            boolean placeholder = random.nextInt(15) == 0;
            TokenCounts tokens = placeholder ? new TokenCounts(0, 0, 0, 0, 0)
                    : new TokenCounts(random.nextInt(5000), 1 + random.nextInt(2000), random.nextInt(20000),
                            random.nextInt(4) == 0 ? random.nextInt(9000) : 0, random.nextInt(200000));
            String project = "proj-" + (session % 2);
            out.add(new UsageRecord(new UsageKey(prefix + "-" + i, "req-" + i), prefix + "-session-" + session,
                    "-home-u-" + project, "/home/u/" + project, t, MODELS[session % 2], tokens,
                    random.nextInt(6) == 0 ? "fast" : "standard", "standard", "2.1.0", random.nextInt(10) == 0, "",
                    true, "/home/u/.claude", "/home/u/.claude/projects/" + prefix + session + ".jsonl", i * 100L,
                    placeholder ? 0 : random.nextDouble() / 3, random.nextInt(8) == 0 ? CostSource.COST_STATE
                            : CostSource.PRICE_TABLE));
        }
        return out;
    }

    private static UsageRecord copy(UsageRecord r, TokenCounts tokens, Instant at, double cost) {
        return new UsageRecord(r.key(), r.sessionId(), r.projectDir(), r.cwd(), at, r.model(), tokens, r.speed(),
                r.serviceTier(), r.version(), r.sidechain(), r.agentId(), r.stopReasonSet(), r.configRoot(),
                r.sourceFile(), r.sourceOffset(), cost, r.costSource());
    }
}
