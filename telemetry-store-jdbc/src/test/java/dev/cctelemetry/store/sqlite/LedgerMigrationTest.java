package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.PeriodGrouping;
import dev.cctelemetry.core.query.SessionQuery;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.report.RecordStreamQueries;
import dev.cctelemetry.core.transcript.FileCheckpoint;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.SessionCostState;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Older ledgers upgraded: version 3 (session, model and the like inline in each row) to version 4 (a contexts
 * table) and on; a real version-7 file (quarter-hour summary kept by triggers) to version 8 (hour summary).
 */
class LedgerMigrationTest {

    private static final String UNKNOWN_MODEL = "claude-opus-9-unreleased";

    @TempDir
    Path dir;

    /** Records that differ in every column that moves to the contexts table, from two roots and three files. */
    private static List<UsageRecord> records() {
        List<UsageRecord> out = new ArrayList<>();
        String[] models = {"claude-sonnet-4-6", "claude-opus-4-5-20251101", UNKNOWN_MODEL};
        for (int n = 0; n < 60; n++) {
            String model = models[n % 3];
            boolean unknown = model.equals(UNKNOWN_MODEL);
            String root = n % 4 == 0 ? "/other" : "/root";
            out.add(new UsageRecord(new UsageKey("msg_" + n, n % 7 == 0 ? "" : "req_" + n), "session-" + n % 4,
                    "-p" + n % 2, "/w/" + n % 3, Instant.parse("2025-08-01T10:00:00Z").plusSeconds(n * 61L), model,
                    new TokenCounts(n, 10L * n, n % 5, n % 2, 100L + n), n % 5 == 0 ? "fast" : "",
                    n % 2 == 0 ? "standard" : "priority", "2.1." + n % 4, n % 6 == 0, n % 6 == 0 ? "agent-a" : "",
                    n % 3 != 1, root, root + "/projects/-p" + n % 2 + "/f" + n % 3 + ".jsonl", n * 100L,
                    unknown ? 0 : n * 1e-4, unknown ? CostSource.UNPRICED : CostSource.PRICE_TABLE));
        }
        return out;
    }

    /** A ledger as version 3 wrote it: its DDL, {@code user_version = 3}, rows in version 3's shape. */
    private static void writeVersionThreeLedger(Path file, List<UsageRecord> records) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : LedgerSchema.statementsThrough(3)) {
                s.execute(sql);
            }
            s.execute("PRAGMA user_version = 3");
            Map<String, Long> sources = new LinkedHashMap<>();
            try (PreparedStatement src = c.prepareStatement(
                    "INSERT INTO sources (config_root, source_file, project_dir) VALUES (?, ?, ?)");
                    PreparedStatement ev = c.prepareStatement("INSERT INTO usage_events VALUES (?,?,?,?,?,?,?,?,?,?,?,"
                            + "?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (UsageRecord r : records) {
                    String key = r.configRoot() + "|" + r.sourceFile() + "|" + r.projectDir();
                    if (!sources.containsKey(key)) {
                        src.setString(1, r.configRoot());
                        src.setString(2, r.sourceFile());
                        src.setString(3, r.projectDir());
                        src.executeUpdate();
                        sources.put(key, (long) sources.size() + 1);
                    }
                    Object[] row = {r.key().messageId(), r.key().requestId(), r.sessionId(), sources.get(key),
                        r.cwd(), r.timestamp().toEpochMilli(), r.model(), r.tokens().input(), r.tokens().output(),
                        r.tokens().cacheWrite5m(), r.tokens().cacheWrite1h(), r.tokens().cacheRead(),
                        r.tokens().total(), r.speed(), r.serviceTier(), r.version(), r.sidechain() ? 1 : 0,
                        r.agentId(), r.stopReasonSet() ? 1 : 0, r.sourceOffset(), r.costUsd(),
                        r.costSource().code(), r.costSource() == CostSource.PRICE_TABLE ? "v" : "", 1};
                    for (int i = 0; i < row.length; i++) {
                        ev.setObject(i + 1, row[i]);
                    }
                    ev.executeUpdate();
                }
            }
        }
    }

    private static List<UsageRecord> all(Ledger ledger) {
        List<UsageRecord> out = new ArrayList<>();
        ledger.forEachRecord(Ledger.RecordFilter.ALL, out::add);
        return out;
    }

    private static long count(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyRecordComesThroughWholeWithOneContextRowPerDistinctTuple() throws Exception {
        Path file = dir.resolve("v3.db");
        List<UsageRecord> records = records();
        writeVersionThreeLedger(file, records);

        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            assertThat(ledger.schemaVersion()).isEqualTo(LedgerSchema.CURRENT);
            assertThat(all(ledger)).containsExactlyInAnyOrderElementsOf(records);
            assertThat(ledger.stats().sessions()).isEqualTo(4);
        }
        long tuples = records.stream().map(r -> List.of(r.sessionId(), r.model(), r.cwd(), r.speed(),
                r.serviceTier(), r.version(), r.agentId())).distinct().count();
        assertThat(count(file, "SELECT COUNT(*) FROM contexts")).isEqualTo(tuples);
        assertThat(count(file, "PRAGMA user_version")).isEqualTo(LedgerSchema.CURRENT);
    }

    @Test
    void versionSixReadsOnAfterEveryCheckpointThatStoppedShortOfItsFile() throws Exception {
        // Before v6 a checkpoint short of its file's size could mean "read in part" (a sync killed between the
        // parts of a huge file); v6 reads it as "an unfinished last line was examined", which is skipped. So the
        // migration makes such checkpoints claim no more than their offset, and the next sync reads on from there.
        Path file = dir.resolve("v5.db");
        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            ledger.commit(new Ledger.IngestBatch(List.of(), List.of(
                    new FileCheckpoint("/part.jsonl", "k", 900_000_000L, 5, 64L << 20, 1),
                    new FileCheckpoint("/whole.jsonl", "k", 100, 5, 100, 2)), List.of()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 5");
        }
        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            assertThat(ledger.checkpoints()).containsValues(
                    new FileCheckpoint("/part.jsonl", "k", 64L << 20, 5, 64L << 20, 1),
                    new FileCheckpoint("/whole.jsonl", "k", 100, 5, 100, 2));
        }
    }

    @Test
    void keysThatShareASlotAreAllKeptByTheMigrationAndFoundAfterIt() throws Exception {
        Path file = dir.resolve("v3.db");
        List<UsageRecord> records = records();
        writeVersionThreeLedger(file, records);
        KeySlots fewSlots = (messageId, requestId) -> messageId.length() % 2; // every key shares one of two
        try (SqliteLedger ledger = SqliteLedger.open(file, "v", fewSlots)) {
            assertThat(all(ledger)).containsExactlyInAnyOrderElementsOf(records);
            // Every key is found where probing from its slot leads: committed again, each is a copy, not new.
            Ledger.CommitOutcome again = ledger.commit(new Ledger.IngestBatch(records, List.of(), List.of()));
            assertThat(again.inserted()).isZero();
            assertThat(again.replaced() + again.unchanged()).isEqualTo(records.size());
            assertThat(all(ledger)).hasSize(records.size());
        }
        assertThat(count(file, "SELECT COUNT(DISTINCT key_hash) FROM usage_events")).isEqualTo(records.size());
    }

    @Test
    void aMigratedLedgerKeepsTheWinnerRuleAndSpreadsCostStates() throws Exception {
        Path file = dir.resolve("v3.db");
        List<UsageRecord> records = records();
        writeVersionThreeLedger(file, records);
        UsageRecord slow = records.stream().filter(r -> r.speed().isEmpty()).findFirst().orElseThrow();
        // The same response again, as complete, but with speed set: the winner rule prefers it.
        UsageRecord fast = new UsageRecord(slow.key(), slow.sessionId(), slow.projectDir(), slow.cwd(),
                slow.timestamp(), slow.model(), slow.tokens(), "standard", slow.serviceTier(), slow.version(),
                slow.sidechain(), slow.agentId(), slow.stopReasonSet(), slow.configRoot(), slow.sourceFile(),
                slow.sourceOffset() + 1, slow.costUsd(), slow.costSource());
        String unknownSession = records.stream().filter(r -> r.model().equals(UNKNOWN_MODEL)).findFirst()
                .orElseThrow().sessionId();
        SessionCostState state = new SessionCostState(unknownSession, Map.of(UNKNOWN_MODEL,
                new SessionCostState.ModelCost(2.5, TokenCounts.ZERO)), "/root/projects/-p0/f0.jsonl", 999);

        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            Ledger.CommitOutcome outcome = ledger.commit(new Ledger.IngestBatch(List.of(fast), List.of(),
                    List.of(state)));
            assertThat(outcome.replaced()).isEqualTo(1);
            List<UsageRecord> now = all(ledger);
            assertThat(now).contains(fast).doesNotContain(slow).hasSize(records.size());
            List<UsageRecord> spread = now.stream().filter(r -> r.sessionId().equals(unknownSession)
                    && r.model().equals(UNKNOWN_MODEL)).toList();
            assertThat(spread).isNotEmpty().allSatisfy(r -> assertThat(r.costSource())
                    .isEqualTo(CostSource.COST_STATE));
            assertThat(spread.stream().mapToDouble(UsageRecord::costUsd).sum()).isCloseTo(2.5,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void aRealVersionSevenLedgerKeepsEveryRecordAndTotalAndReportsTheSameAfterTheUpgrade() throws Exception {
        // Written by the build of schema 7 (LedgerFiller, 1,500 records, seed 7), then vacuumed and gzipped.
        Path file = dir.resolve("v7.db");
        try (InputStream in = new GZIPInputStream(Objects.requireNonNull(
                getClass().getResourceAsStream("/ledgers/v7-1500-records.db.gz")))) {
            Files.copy(in, file);
        }
        String totals = "SELECT COUNT(*), SUM(input), SUM(output), SUM(cache_write_5m), SUM(cache_read),"
                + " SUM(CAST(round(cost_usd * 1e12) AS INTEGER)) FROM usage_events";
        assertThat(count(file, "PRAGMA user_version")).isEqualTo(7);
        List<String> before = rows(file, totals);
        assertThat(before.get(0)).startsWith("1500|");

        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            assertThat(ledger.schemaVersion()).isEqualTo(LedgerSchema.CURRENT);
            assertThat(all(ledger)).hasSize(1500);
            RecordStreamQueries reference = new RecordStreamQueries(ledger, "m", "laptop");
            UsageQueries sql = SqliteUsageQueries.over(file, "m", "laptop");
            for (String zone : List.of("UTC", "America/New_York", "Asia/Kathmandu")) {
                PeriodGrouping days = PeriodGrouping.days(ZoneId.of(zone));
                assertThat(sql.periods(UsageFilter.ALL, days)).isEqualTo(reference.periods(UsageFilter.ALL, days));
            }
            assertThat(sql.sessions(UsageFilter.ALL, SessionQuery.ALL))
                    .isEqualTo(reference.sessions(UsageFilter.ALL, SessionQuery.ALL));
        }
        assertThat(rows(file, totals)).isEqualTo(before);
        assertThat(count(file, "PRAGMA user_version")).isEqualTo(LedgerSchema.CURRENT);
        assertThat(count(file, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'usage_quarters%'")).isZero();
        assertThat(rows(file, "SELECT * FROM usage_hours ORDER BY 1, 2, 3, 4, 5, 6, 7")).hasSizeGreaterThan(50)
                .isEqualTo(rows(file, UsageHours.SUMMARY + " ORDER BY 1, 2, 3, 4, 5, 6, 7"));
        assertThat(rows(file, "SELECT * FROM usage_sessions ORDER BY 1, 2, 3, 4, 5")).hasSizeGreaterThan(5)
                .isEqualTo(rows(file, UsageSessions.SUMMARY + " ORDER BY 1, 2, 3, 4, 5"));
        assertThat(rows(file, "SELECT * FROM usage_slots ORDER BY 1, 2, 3, 4")).hasSizeGreaterThan(20)
                .isEqualTo(rows(file, UsageSlots.SUMMARY + " ORDER BY 1, 2, 3, 4"));
    }

    /** Each row of {@code sql}'s result as its columns joined by '|'. */
    static List<String> rows(Path file, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
