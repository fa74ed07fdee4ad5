package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.query.PeriodGrouping;
import dev.cctelemetry.core.query.SessionQuery;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.report.RecordStreamQueries;
import dev.cctelemetry.core.usage.SessionCostState;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.testing.UsageQueriesContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The hour summary ({@code usage_hours}), the session summary ({@code usage_sessions}) and the slot summary derived
 * from the hours ({@code usage_slots}) are never stale: after
 * random commits (new keys, copies that win and replace a stored record with other tokens, time or cost, copies of
 * one key twice in one batch, cost-state spreads that reprice records) and raw deletions and updates, each equals
 * its summary computed afresh from the records, and the queries that read them equal the reference.
 */
class UsageHoursTest {

    private static final Instant BASE = Instant.parse("2025-03-29T20:00:00Z");
    private static final String[] SESSIONS = {"11111111-1111-4111-8111-000000000001",
            "22222222-2222-4222-8222-000000000002"};

    @Property(tries = 30)
    void summaryEqualsAFreshOneAfterRandomWrites(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        Path dir = Files.createTempDirectory("cct-hours");
        try {
            Path file = dir.resolve("telemetry.db");
            List<UsageRecord> stored = new ArrayList<>();
            try (SqliteLedger ledger = SqliteLedger.open(file, "test-prices")) {
                for (int commit = 0; commit < 4; commit++) {
                    List<UsageRecord> batch = new ArrayList<>();
                    for (int i = random.nextInt(25); i > 0; i--) {
                        if (!stored.isEmpty() && random.nextInt(3) == 0) {
                            batch.add(winningCopy(stored.get(random.nextInt(stored.size())), random));
                        } else {
                            UsageRecord r = fresh(random);
                            batch.add(r);
                            stored.add(r);
                        }
                    }
                    List<UsageRecord> oneEach = batch.stream().collect(java.util.stream.Collectors.toMap(
                            UsageRecord::key, r -> r, (a, b) -> b, java.util.LinkedHashMap::new)).values().stream()
                            .toList();
                    List<SessionCostState> states = random.nextInt(3) == 0
                            ? List.of(new SessionCostState(SESSIONS[random.nextInt(2)], Map.of("glm-4.6",
                                    new SessionCostState.ModelCost(random.nextDouble() * 5,
                                            new TokenCounts(100, 10, 0, 0, 0))), "/state.jsonl", commit))
                            : List.of();
                    ledger.commit(new Ledger.IngestBatch(random.nextBoolean() ? oneEach : batch, List.of(), states));
                    assertSummariesFresh(file);
                }
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM usage_events WHERE rowid % 5 = 0");
                s.executeUpdate("UPDATE usage_events SET ts = ts + 450000, input = input + 1, total_tokens = total_tokens + 1"
                        + " WHERE rowid % 7 = 0");
            }
            assertSummariesFresh(file);
            try (SqliteLedger ledger = SqliteLedger.open(file, "test-prices")) {
                var reference = new RecordStreamQueries(ledger, "m", "laptop");
                var sql = SqliteUsageQueries.over(file, "m", "laptop");
                ZoneId paris = ZoneId.of("Europe/Paris");
                assertThat(sql.periods(UsageFilter.ALL, PeriodGrouping.days(paris)))
                        .isEqualTo(reference.periods(UsageFilter.ALL, PeriodGrouping.days(paris)));
                assertThat(sql.sessions(UsageFilter.ALL, SessionQuery.ALL))
                        .isEqualTo(reference.sessions(UsageFilter.ALL, SessionQuery.ALL));
                Instant now = BASE.plus(Duration.ofHours(30));
                assertThat(sql.blocks(UsageFilter.ALL, Duration.ofHours(5), now))
                        .isEqualTo(reference.blocks(UsageFilter.ALL, Duration.ofHours(5), now));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The summaries, the hours', the sessions' and the session-free slots' (derived from the hours), equal the ones
     * computed afresh from the records.
     */
    static void assertSummariesFresh(Path file) throws Exception {
        assertThat(LedgerMigrationTest.rows(file, "SELECT * FROM usage_hours ORDER BY 1, 2, 3, 4, 5, 6, 7"))
                .isEqualTo(LedgerMigrationTest.rows(file, UsageHours.SUMMARY + " ORDER BY 1, 2, 3, 4, 5, 6, 7"));
        assertThat(LedgerMigrationTest.rows(file, "SELECT * FROM usage_sessions ORDER BY 1, 2, 3, 4, 5"))
                .isEqualTo(LedgerMigrationTest.rows(file, UsageSessions.SUMMARY + " ORDER BY 1, 2, 3, 4, 5"));
        assertThat(LedgerMigrationTest.rows(file, "SELECT * FROM usage_slots ORDER BY 1, 2, 3, 4"))
                .isEqualTo(LedgerMigrationTest.rows(file, UsageSlots.SUMMARY + " ORDER BY 1, 2, 3, 4"));
    }

    /**
     * The slots follow the hour rows by their sums only: a statement changing an hour row's key (which no code of
     * the ledger writes) is refused whole, so the slots can never be left summing a key that moved.
     */
    @Test
    void changingAnHourRowsKeyIsRefusedAndChangesNothing() throws Exception {
        Path dir = Files.createTempDirectory("cct-hours-key");
        try {
            Path file = dir.resolve("telemetry.db");
            Random random = new Random(7);
            try (SqliteLedger ledger = SqliteLedger.open(file, "test-prices")) {
                ledger.commit(new Ledger.IngestBatch(List.of(fresh(random), fresh(random), fresh(random)), List.of(),
                        List.of()));
            }
            List<String> hours = LedgerMigrationTest.rows(file, "SELECT * FROM usage_hours ORDER BY 1, 2, 3, 4, 5, 6, 7");
            List<String> slots = LedgerMigrationTest.rows(file, "SELECT * FROM usage_slots ORDER BY 1, 2, 3, 4");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("UPDATE usage_hours SET label = 'other-model'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("usage_hours keys are never updated");
            }
            assertThat(LedgerMigrationTest.rows(file, "SELECT * FROM usage_hours ORDER BY 1, 2, 3, 4, 5, 6, 7"))
                    .isNotEmpty().isEqualTo(hours);
            assertThat(LedgerMigrationTest.rows(file, "SELECT * FROM usage_slots ORDER BY 1, 2, 3, 4")).isEqualTo(slots);
            assertSummariesFresh(file);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static UsageRecord fresh(Random random) {
        UsageQueriesContract.Req r = UsageQueriesContract.at(time(random).toString())
                .session(SESSIONS[random.nextInt(2)]).cost(random.nextDouble());
        return switch (random.nextInt(5)) {
            case 0 -> r.synthetic().build();
            case 1 -> r.unpriced("glm-4.6").build();
            case 2 -> r.fast().build();
            default -> r.build();
        };
    }

    /** A copy of {@code r} that the winner rule prefers (more tokens), at another time, with another cost. */
    private static UsageRecord winningCopy(UsageRecord r, Random random) {
        TokenCounts t = r.tokens();
        return new UsageRecord(r.key(), r.sessionId(), r.projectDir(), r.cwd(), time(random), r.model(),
                new TokenCounts(t.input() + 1 + random.nextInt(50), t.output(), t.cacheWrite5m(), t.cacheWrite1h(),
                        t.cacheRead()), r.speed(), r.serviceTier(), r.version(), r.sidechain(), r.agentId(),
                r.stopReasonSet(), r.configRoot(), r.sourceFile(), r.sourceOffset(), random.nextDouble(),
                r.costSource());
    }

    /** Times over a day and a half across the Paris change, often on a quarter or whole hour exactly. */
    private static Instant time(Random random) {
        long quarter = random.nextInt(144) * 900_000L;
        return BASE.plusMillis(random.nextBoolean() ? quarter : quarter + random.nextInt(900_000));
    }

}
