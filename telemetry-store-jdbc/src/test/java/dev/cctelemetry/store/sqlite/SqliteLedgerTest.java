package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.transcript.FileCheckpoint;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.core.usage.WinnerRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerTest {

    @TempDir
    Path dir;

    private static UsageRecord rec(String id, long output, boolean sidechain, String speed, boolean stop,
            String file, long offset) {
        return new UsageRecord(new UsageKey(id, "req"), sidechain ? "side" : "main", "-p", "/w",
                Instant.parse("2025-08-01T10:00:00Z"), "claude-sonnet-4-6", new TokenCounts(1, output, 0, 0, 5),
                speed, "standard", "2.1.97", sidechain, "", stop, "/root", file, offset, output * 1e-6,
                CostSource.PRICE_TABLE);
    }

    private static Ledger.IngestBatch batch(UsageRecord... r) {
        return new Ledger.IngestBatch(List.of(r), List.of(), List.of());
    }

    @Test
    void upsertAppliesTheWinnerRuleExactlyAsTheJavaComparator() {
        Random random = new Random(7);
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("t.db"), "v")) {
            for (int i = 0; i < 400; i++) {
                String id = "m" + i;
                UsageRecord a = rec(id, random.nextInt(3), random.nextBoolean(), random.nextBoolean() ? "" : "standard",
                        random.nextBoolean(), random.nextBoolean() ? "a" : "b", random.nextInt(3));
                UsageRecord b = rec(id, random.nextInt(3), random.nextBoolean(), random.nextBoolean() ? "" : "standard",
                        random.nextBoolean(), random.nextBoolean() ? "a" : "b", random.nextInt(3));
                ledger.commit(batch(a));
                ledger.commit(batch(b));
            }
            List<UsageRecord> stored = new ArrayList<>();
            ledger.forEachRecord(Ledger.RecordFilter.ALL, stored::add);
            assertThat(stored).hasSize(400);
        }
        // Re-run the same random sequence in memory and compare whole records.
        Random random2 = new Random(7);
        List<UsageRecord> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String id = "m" + i;
            UsageRecord a = rec(id, random2.nextInt(3), random2.nextBoolean(), random2.nextBoolean() ? "" : "standard",
                    random2.nextBoolean(), random2.nextBoolean() ? "a" : "b", random2.nextInt(3));
            UsageRecord b = rec(id, random2.nextInt(3), random2.nextBoolean(), random2.nextBoolean() ? "" : "standard",
                    random2.nextBoolean(), random2.nextBoolean() ? "a" : "b", random2.nextInt(3));
            expected.add(WinnerRule.winner(a, b));
        }
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("t.db"), "v")) {
            List<UsageRecord> stored = new ArrayList<>();
            ledger.forEachRecord(Ledger.RecordFilter.ALL, stored::add);
            assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void everyCostSourceIsStoredWithItsPriceVersionAndTheCommitsChangeNumberWhetherInsertedOrReplaced()
            throws Exception {
        // A price version with a quote, which no statement may take for SQL.
        String version = "2025-11-20 'quoted'";
        List<List<Object>> inserted = new ArrayList<>();
        List<List<Object>> replaced = new ArrayList<>();
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("t.db"), version)) {
            List<UsageRecord> first = new ArrayList<>();
            List<UsageRecord> better = new ArrayList<>();
            for (CostSource source : CostSource.values()) {
                first.add(rec("m-" + source, 1, false, "", false, "a", 0).withCost(0.5, source));
                // a larger total wins: the second commit replaces each row through the row-by-row statement
                better.add(rec("m-" + source, 7, false, "", true, "a", 0).withCost(0.25, source));
            }
            ledger.commit(new Ledger.IngestBatch(first, List.of(), List.of()));
            inserted.addAll(storedColumns());
            assertThat(ledger.commit(new Ledger.IngestBatch(better, List.of(), List.of())).replaced())
                    .isEqualTo(CostSource.values().length);
            replaced.addAll(storedColumns());
        }
        List<List<Object>> expectedFirst = new ArrayList<>();
        List<List<Object>> expectedReplaced = new ArrayList<>();
        for (CostSource source : CostSource.values()) {
            String v = source == CostSource.PRICE_TABLE ? version : "";
            expectedFirst.add(List.of("m-" + source, source.code(), v, 0.5));
            expectedReplaced.add(List.of("m-" + source, source.code(), v, 0.25));
        }
        assertThat(inserted).extracting(row -> row.subList(0, 4)).containsExactlyInAnyOrderElementsOf(expectedFirst);
        assertThat(replaced).extracting(row -> row.subList(0, 4))
                .containsExactlyInAnyOrderElementsOf(expectedReplaced);
        // One change number per commit, the second one's larger: what push and the outbox select by.
        assertThat(inserted).extracting(row -> row.get(4)).containsOnly(inserted.get(0).get(4));
        assertThat(replaced).extracting(row -> row.get(4)).containsOnly(replaced.get(0).get(4));
        assertThat((Long) replaced.get(0).get(4)).isGreaterThan((Long) inserted.get(0).get(4));
    }

    /** Each stored row's message id, cost source, price version, cost and change number, read by plain SQL. */
    private List<List<Object>> storedColumns() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
                Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT message_id, cost_source, price_version, cost_usd,"
                        + " change_seq FROM usage_events")) {
            while (rs.next()) {
                rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                        rs.getLong(5)));
            }
        }
        return rows;
    }

    @Test
    void commitStoresCheckpointsWithRecordsAndCountsWhatChanged() {
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("t.db"), "v")) {
            FileCheckpoint cp = new FileCheckpoint("/f", "k", 100, 5, 80, 1234);
            Ledger.CommitOutcome o = ledger.commit(new Ledger.IngestBatch(
                    List.of(rec("a", 1, false, "", false, "/f", 0), rec("b", 1, false, "", false, "/f", 10)),
                    List.of(cp), List.of()));
            assertThat(o).isEqualTo(new Ledger.CommitOutcome(2, 0, 0));
            assertThat(ledger.checkpoints()).containsEntry("/f", cp);
            Ledger.CommitOutcome again = ledger.commit(batch(rec("a", 5, false, "", true, "/f", 20),
                    rec("b", 0, false, "", false, "/f", 30)));
            assertThat(again).isEqualTo(new Ledger.CommitOutcome(0, 1, 1));
            assertThat(ledger.stats().records()).isEqualTo(2);
            assertThat(ledger.recordCount()).isEqualTo(2);
        }
    }

    @Test
    void manyOpenersOfOneNewLedgerAtOnceAllGetIt() throws Exception {
        // Hooks and a manual sync can open a brand-new ledger in the same instant. Switching it to WAL used to
        // fail with "database is locked" for about 1 in 70 such openers.
        // Daemon threads and a bounded wait: an opener stuck in native code fails the test instead of hanging the
        // build (SQLite 3.51.1 could deadlock here, see LedgerOpenCloseRaceTest).
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6, r -> {
            Thread t = new Thread(r, "opener");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int round = 0; round < 60; round++) {
                Path db = dir.resolve("new-" + round + ".db");
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Long>> openers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    openers.add(pool.submit(() -> {
                        go.await();
                        try (SqliteLedger ledger = SqliteLedger.open(db, "v")) {
                            return ledger.recordCount();
                        }
                    }));
                }
                go.countDown();
                for (java.util.concurrent.Future<Long> f : openers) {
                    assertThat(f.get(2, java.util.concurrent.TimeUnit.MINUTES)).isZero();
                }
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
                        java.sql.ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                    assertThat(rs.next() ? rs.getString(1) : "").isEqualTo("wal");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reportsReadTheSameUsageAsWholeRecordsInTheSameOrder() throws Exception {
        Random rnd = new Random(7);
        List<UsageRecord> records = new ArrayList<>();
        String[] models = {"claude-sonnet-4-6", "claude-opus-4-5", "<synthetic>", "mystery-model"};
        String[] files = {"/root/projects/-b/s.jsonl", "/root/projects/-a/s.jsonl", "/r2/projects/-é/s.jsonl"};
        for (int i = 0; i < 500; i++) {
            // Few distinct timestamps, so the order's tie-breaks (file, then offset) decide often.
            String file = files[rnd.nextInt(files.length)];
            records.add(new UsageRecord(new UsageKey("msg_" + i, i % 7 == 0 ? "" : "req_" + i),
                    "s" + rnd.nextInt(5), file.substring(file.indexOf("-"), file.lastIndexOf('/')),
                    rnd.nextBoolean() ? "" : "/w/" + rnd.nextInt(3),
                    Instant.parse("2025-08-01T10:00:00Z").plusSeconds(rnd.nextInt(20)), models[rnd.nextInt(4)],
                    new TokenCounts(rnd.nextInt(100), rnd.nextInt(100), rnd.nextInt(100), rnd.nextInt(100),
                            rnd.nextInt(100)), rnd.nextBoolean() ? "fast" : "", "standard", "2.1.97", false, "",
                    true, file.substring(0, file.indexOf("/projects")), file, rnd.nextInt(1000) * 10L,
                    rnd.nextDouble(), CostSource.values()[rnd.nextInt(CostSource.values().length)]));
        }
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("t.db"), "v")) {
            ledger.commit(new Ledger.IngestBatch(records, List.of(), List.of()));
            List<dev.cctelemetry.core.usage.ReportedUsage> fromRecords = new ArrayList<>();
            ledger.forEachRecord(Ledger.RecordFilter.ALL,
                    r -> fromRecords.add(dev.cctelemetry.core.usage.ReportedUsage.of(r)));
            List<dev.cctelemetry.core.usage.ReportedUsage> reported = new ArrayList<>();
            ledger.forEachReported(Ledger.RecordFilter.ALL, reported::add);

            assertThat(reported).hasSize(500).containsExactlyElementsOf(fromRecords);
            List<UsageRecord> whole = new ArrayList<>();
            ledger.forEachRecord(Ledger.RecordFilter.ALL, whole::add);
            assertThat(whole).isSortedAccordingTo(dev.cctelemetry.core.port.out.UsageRecordSource.ORDER);
            assertThat(whole).containsExactlyInAnyOrderElementsOf(records);
        }
    }

    @Test
    void failedCommitLeavesNothingBehind() throws Exception {
        Path db = dir.resolve("t.db");
        try (SqliteLedger ledger = SqliteLedger.open(db, "v")) {
            ledger.commit(batch(rec("a", 1, false, "", false, "/f", 0)));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                // A trigger makes the second insert of the next batch fail half-way.
                s.execute("CREATE TRIGGER boom BEFORE INSERT ON usage_events WHEN NEW.message_id = 'c'"
                        + " BEGIN SELECT RAISE(ABORT, 'disk full'); END");
            }
            FileCheckpoint cp = new FileCheckpoint("/f", "k", 100, 5, 80, 1);
            assertThatThrownBy(() -> ledger.commit(new Ledger.IngestBatch(List.of(rec("b", 1, false, "", false, "/f", 1),
                    rec("c", 1, false, "", false, "/f", 2)), List.of(cp), List.of())))
                    .hasMessageContaining("disk full");
            assertThat(ledger.stats().records()).isEqualTo(1);
            assertThat(ledger.recordCount()).isEqualTo(1);
            assertThat(ledger.checkpoints()).isEmpty();
        }
    }

    @Test
    void ledgerFromANewerVersionIsRefusedUntouched() throws Exception {
        Path db = dir.resolve("t.db");
        SqliteLedger.open(db, "v").close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> SqliteLedger.open(db, "v")).isInstanceOf(LedgerVersionException.class)
                .hasMessageContaining("schema version 99");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotALedgerGivesAOneLineError() throws Exception {
        Path db = dir.resolve("t.db");
        Files.writeString(db, "this is not sqlite ".repeat(100));
        assertThatThrownBy(() -> SqliteLedger.open(db, "v")).isInstanceOf(LedgerOpenException.class)
                .hasMessageContaining("cannot open ledger").hasMessageNotContaining("\n");
    }
}
