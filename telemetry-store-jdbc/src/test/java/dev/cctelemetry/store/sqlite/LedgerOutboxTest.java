package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The push outbox: records past a change-sequence mark, and the mark itself. */
public class LedgerOutboxTest {

    private static final String TARGET = "postgresql://db:5432/cct";

    @TempDir
    Path dir;

    static UsageRecord rec(int n, long output) {
        return new UsageRecord(new UsageKey("msg_" + n, n % 5 == 0 ? "" : "req_" + n), "s" + n / 10, "-p", "/w",
                Instant.parse("2025-08-01T10:00:00Z").plusSeconds(n), "claude-sonnet-4-6",
                new TokenCounts(1, output, 0, 0, 5), "standard", "standard", "2.1.97", false, "", true, "/root",
                "/root/projects/-p/s.jsonl", n * 10L, output * 1e-6, CostSource.PRICE_TABLE);
    }

    static List<UsageRecord> range(int from, int toExclusive, long output) {
        return IntStream.range(from, toExclusive).mapToObj(n -> rec(n, output)).toList();
    }

    private static void commit(Ledger ledger, List<UsageRecord> records) {
        ledger.commit(new Ledger.IngestBatch(records, List.of(), List.of()));
    }

    @Test
    void batchesEndOnWholeCommitsAndCoverEveryRecordOnce() {
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("t.db"), "v")) {
            commit(ledger, range(0, 3, 10));
            commit(ledger, range(3, 7, 10));
            commit(ledger, range(7, 9, 10));

            List<Integer> sizes = new ArrayList<>();
            Set<UsageKey> seen = new HashSet<>();
            long mark = 0;
            for (Ledger.PendingBatch b = ledger.pendingForPush(mark, 5); !b.isEmpty();
                    b = ledger.pendingForPush(mark, 5)) {
                sizes.add(b.records().size());
                b.records().forEach(r -> assertThat(seen.add(r.key())).isTrue());
                assertThat(b.lastSeq()).isGreaterThan(mark);
                mark = b.lastSeq();
            }
            // 3 fits, 3+4 does not; the 4-record commit then fills a batch of 5 only with 2 more: 4+2 > 5.
            assertThat(sizes).containsExactly(3, 4, 2);
            assertThat(seen).hasSize(9);
            assertThat(ledger.countPendingForPush(mark)).isZero();
        }
    }

    @Test
    void oneCommitLargerThanTheLimitComesWhole() {
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("t.db"), "v")) {
            commit(ledger, range(0, 12, 10));
            commit(ledger, range(12, 14, 10));

            Ledger.PendingBatch first = ledger.pendingForPush(0, 5);
            assertThat(first.records()).hasSize(12);
            assertThat(ledger.pendingForPush(first.lastSeq(), 5).records()).hasSize(2);
        }
    }

    @Test
    void aReplacedRecordIsPendingAgainButAnUnchangedOneIsNot() {
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("t.db"), "v")) {
            commit(ledger, range(0, 3, 10));
            long mark = ledger.pendingForPush(0, 100).lastSeq();
            ledger.markPushed(TARGET, mark);

            commit(ledger, List.of(rec(1, 500), rec(2, 1)));

            Ledger.PendingBatch again = ledger.pendingForPush(ledger.pushedMark(TARGET), 100);
            assertThat(again.records()).extracting(r -> r.key().messageId()).containsExactly("msg_1");
            assertThat(again.records().get(0).tokens().output()).isEqualTo(500);
        }
    }

    @Test
    void theMarkSurvivesReopeningNeverMovesBackAndBelongsToOneStore() {
        Path file = dir.resolve("t.db");
        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            assertThat(ledger.pushedMark(TARGET)).isZero();
            ledger.markPushed(TARGET, 7);
            ledger.markPushed(TARGET, 3);
        }
        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            assertThat(ledger.pushedMark(TARGET)).isEqualTo(7);
            assertThat(ledger.pushedMark("postgresql://elsewhere:5432/cct")).isZero();
            ledger.markPushed("postgresql://elsewhere:5432/cct", 2);
            assertThat(ledger.pushedMark(TARGET)).isZero();
        }
    }

    @Test
    void aVersionOneLedgerOpensUpgradesAndHasEverythingPending() throws Exception {
        Path file = dir.resolve("v1.db");
        writeVersionOneLedger(file, 25);

        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            assertThat(ledger.schemaVersion()).isEqualTo(LedgerSchema.CURRENT);
            assertThat(ledger.pushedMark(TARGET)).isZero();
            assertThat(ledger.countPendingForPush(0)).isEqualTo(25);
            List<UsageRecord> upgraded = ledger.pendingForPush(0, 1000).records();
            assertThat(upgraded).hasSize(25).allSatisfy(r -> {
                // Where each record was read survives the move of those columns into their own table.
                assertThat(r.configRoot()).isEqualTo("/root");
                assertThat(r.sourceFile()).isEqualTo("/root/projects/-p/s.jsonl");
                assertThat(r.projectDir()).isEqualTo("-p");
                assertThat(r.cwd()).isEqualTo("/w");
            });
            assertThat(upgraded).extracting(UsageRecord::sourceOffset).doesNotHaveDuplicates();
            commit(ledger, List.of(rec(100, 10)));
            assertThat(ledger.countPendingForPush(0)).isEqualTo(26);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(LedgerSchema.CURRENT);
        }
    }

    /**
     * A ledger exactly as version 1 wrote it: its DDL, {@code user_version = 1}, and records committed by the
     * version-1 code path (one change sequence per commit).
     */
    public static void writeVersionOneLedger(Path file, int records) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : LedgerSchema.statementsThrough(1)) {
                s.execute(sql);
            }
            s.execute("PRAGMA user_version = 1");
        }
        // Insert through a v1-shaped connection: same columns, seq per commit, no pushed mark.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (int n = 0; n < records; n++) {
                UsageRecord r = rec(n, 10 + n);
                s.execute("UPDATE ledger_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_seq'");
                s.execute(String.format(java.util.Locale.ROOT, "INSERT INTO usage_events VALUES ('%s', '%s', '%s',"
                        + " '-p', '/w', %d, 'claude-sonnet-4-6', 1, %d, 0, 0, 5, %d, 'standard', 'standard', '2.1.97',"
                        + " 0, '', 1, '/root', '/root/projects/-p/s.jsonl', %d, %s, 'price_table', 'v', %d)",
                        r.key().messageId(), r.key().requestId(), r.sessionId(), r.timestamp().toEpochMilli(),
                        r.tokens().output(), r.tokens().total(), r.sourceOffset(), Double.toString(r.costUsd()), n + 1));
            }
        }
    }
}
