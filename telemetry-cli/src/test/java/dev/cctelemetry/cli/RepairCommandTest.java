package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.testing.TranscriptBuilder;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code repair}: a damaged ledger is kept aside, what it holds is salvaged, the transcripts are read again. */
class RepairCommandTest {

    private static final String SONNET = "claude-sonnet-4-20250514";
    private static final String[] SESSIONS = {
        "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222",
        "33333333-3333-4333-8333-333333333333"};

    @TempDir
    Path tmp;
    CliHarness cli;
    Path claude;
    Path db;

    @BeforeEach
    void syncThreeSessionsThenLoseOneTranscript() throws Exception {
        cli = new CliHarness(tmp);
        claude = tmp.resolve("claude");
        for (int s = 0; s < SESSIONS.length; s++) {
            TranscriptBuilder b = TranscriptBuilder.session(SESSIONS[s]).user("hi");
            for (int i = 0; i < 40; i++) {
                b.assistant("msg_" + s + "_" + i, "req_" + s + "_" + i, SONNET, "2025-08-01T10:00:01.000Z",
                        10 + i, 5, 100, 200, "end_turn");
            }
            b.writeTo(claude.resolve("projects/-p" + s + "/" + SESSIONS[s] + ".jsonl"));
        }
        assertThat(cli.run("sync", "--claude-dir", claude.toString()).exitCode()).isZero();
        db = cli.telemetryHome.resolve("telemetry.db");
        // Claude Code's cleanup deletes a transcript: its records now live only in the ledger.
        Files.delete(claude.resolve("projects/-p0/" + SESSIONS[0] + ".jsonl"));
    }

    @Test
    void aSoundLedgerIsLeftAlone() throws Exception {
        String before = sha256(db);

        CliHarness.Result r = cli.run("repair", "--claude-dir", claude.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("is sound (integrity check ok): nothing to repair");
        assertThat(sha256(db)).isEqualTo(before);
        assertThat(damagedCopies()).isEmpty();
    }

    @Test
    void aDamagedIndexLosesNoRecordEvenThoseWhoseTranscriptIsGone() throws Exception {
        List<String> records = LedgerSnapshot.of(db).tables().get("usage_events");
        assertThat(records).hasSize(120);
        damageRootPageOf("usage_events_key");
        String damagedBytes = sha256(db);
        assertThat(cli.run("doctor").stdout()).contains("cc-telemetry repair");

        CliHarness.Result r = cli.run("repair", "--claude-dir", claude.toString());

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Damaged: integrity check: ").doesNotContain("*** in database")
                .contains("Salvaged 120 records").doesNotContain("unreadable");
        LedgerSnapshot repaired = LedgerSnapshot.of(db);
        assertThat(repaired.integrity()).isEqualTo("ok");
        assertThat(repaired.tables().get("usage_events")).containsExactlyElementsOf(records);
        // The damaged file is kept exactly as it was, next to the new ledger.
        assertThat(damagedCopies()).hasSize(1);
        assertThat(sha256(damagedCopies().get(0))).isEqualTo(damagedBytes);
        // And the repaired ledger works as before: nothing new to read.
        assertThat(cli.run("sync", "--claude-dir", claude.toString()).stdout()).contains("0 new records");
    }

    @Test
    void anUnreadableTableIsSaidAndTheTranscriptsStillOnDiskAreReadAgain() throws Exception {
        damageRootPageOf("usage_events");

        CliHarness.Result r = cli.run("repair", "--claude-dir", claude.toString());

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("unreadable chunks").contains("80 new records");
        LedgerSnapshot repaired = LedgerSnapshot.of(db);
        assertThat(repaired.integrity()).isEqualTo("ok");
        assertThat(repaired.tables().get("usage_events")).hasSize(80)
                .noneMatch(row -> row.contains(SESSIONS[0]));
    }

    @Test
    void aFileThatIsNotALedgerAtAllIsKeptAsideAndTheLedgerRebuilt() throws Exception {
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Files.deleteIfExists(db.resolveSibling("telemetry.db" + suffix));
        }
        Files.writeString(db, "not an SQLite file at all\n".repeat(500));

        CliHarness.Result r = cli.run("repair", "--claude-dir", claude.toString());

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Salvaged 0 records").contains("80 new records");
        assertThat(Files.readString(damagedCopies().get(0))).startsWith("not an SQLite file at all");
        assertThat(LedgerSnapshot.of(db).integrity()).isEqualTo("ok");
    }

    /** Overwrites the first page of a table or index with bytes no b-tree page starts with. */
    private void damageRootPageOf(String name) throws Exception {
        long root;
        long pageSize;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)"); // the damage must be in the file, not hidden by the WAL
            try (ResultSet rs = s.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = '" + name + "'")) {
                rs.next();
                root = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                rs.next();
                pageSize = rs.getLong(1);
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek((root - 1) * pageSize);
            byte[] junk = new byte[64];
            java.util.Arrays.fill(junk, (byte) 0x7f);
            f.write(junk);
        }
    }

    private List<Path> damagedCopies() throws Exception {
        try (Stream<Path> files = Files.list(db.getParent())) {
            return files.filter(p -> p.getFileName().toString().matches("telemetry\\.db\\.damaged-[0-9TZ]+"))
                    .toList();
        }
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
