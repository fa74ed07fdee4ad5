package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.testing.TranscriptTreeGenerator;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL and power-loss faults against the real {@code sync} process. One uninterrupted sync of a ~20 MB tree
 * (realistic generated sessions plus dense short-line sessions, so a sync commits more than one batch) is the
 * reference; every trial kills syncs of the same tree at random moments, optionally damages what a power cut could
 * damage, runs one clean sync, and compares every row of every ledger table with the reference.
 *
 * <p>A handful of trials by default; {@code -Dcct.long=true} runs 100 kill trials and 20 of each power-loss kind.
 * The seed is printed; {@code -Dcct.seed=N} repeats a run.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CrashSafetyIT {

    private static final boolean LONG = Boolean.getBoolean("cct.long");
    private static final int TRIAL_BATCH_RECORDS = 2_000;
    private static final long SEED = Long.getLong("cct.seed", System.nanoTime());

    @TempDir
    static Path shared;
    static Path claude;
    static LedgerSnapshot reference;
    static long referenceMillis;

    @TempDir
    Path tmp;

    @BeforeAll
    static void referenceSync() throws Exception {
        claude = shared.resolve("claude");
        new TranscriptTreeGenerator(claude, 8L << 20, 11).generate();
        DenseTranscripts.write(claude, 12, 2000, 12);
        JarProcess cli = new JarProcess(shared.resolve("reference"), Map.of("CLAUDE_CONFIG_DIR", claude.toString()));
        long t0 = System.nanoTime();
        JarProcess.Result r = cli.run("sync");
        referenceMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        reference = LedgerSnapshot.of(cli.telemetryHome().resolve("telemetry.db"));
        assertThat(reference.rows("usage_events")).isGreaterThan(25_000);
        System.out.printf(Locale.ROOT, "CrashSafetyIT: seed %d, reference sync %d ms, %d records, %d files%n",
                SEED, referenceMillis, reference.rows("usage_events"), reference.rows("file_checkpoints"));
    }

    @Test
    void killedSyncsThenOneCleanSyncEqualOneUninterruptedSync() throws Exception {
        int trials = LONG ? 100 : 3;
        SplittableRandom rnd = new SplittableRandom(SEED);
        Outcomes outcomes = new Outcomes();
        for (int t = 0; t < trials; t++) {
            JarProcess cli = process(tmp.resolve("kill-" + t));
            int kills = 1 + rnd.nextInt(2);
            for (int k = 0; k < kills; k++) {
                outcomes.count(killDuringSync(cli, rnd));
            }
            finishAndCompare(cli, "kill trial " + t);
            deleteTree(cli.telemetryHome().getParent());
        }
        System.out.println("CrashSafetyIT kill trials: " + trials + ", " + outcomes);
        assertThat(outcomes.total).isGreaterThanOrEqualTo(trials);
    }

    @Test
    void truncatedWalAfterAKillIsRecoveredOrRebuilt() throws Exception {
        powerLossTrials("truncated WAL", (cli, rnd) -> {
            Path wal = cli.telemetryHome().resolve("telemetry.db-wal");
            if (Files.exists(wal)) {
                // A power cut loses what was not yet synced: anything past the frames a checkpoint has started to
                // copy into the database (SQLite syncs those before it copies them).
                long durable = Math.min(Files.size(wal), WalState.read(cli.telemetryHome()).durableWalBytes());
                try (RandomAccessFile f = new RandomAccessFile(wal.toFile(), "rw")) {
                    f.setLength(durable + rnd.nextLong(f.length() - durable + 1));
                }
            }
        });
    }

    @Test
    void deletedWalAfterAKillIsRecoveredOrRebuilt() throws Exception {
        powerLossTrials("deleted WAL", (cli, rnd) -> {
            // Only a WAL that no checkpoint is copying from can vanish without tearing the database (someone
            // deleting files by hand): a power cut never removes synced frames, and a checkpoint's are synced.
            if (!WalState.read(cli.telemetryHome()).checkpointInProgress()) {
                Files.deleteIfExists(cli.telemetryHome().resolve("telemetry.db-wal"));
                Files.deleteIfExists(cli.telemetryHome().resolve("telemetry.db-shm"));
            }
        });
    }

    /**
     * The checkpoint progress SQLite keeps in the {@code -shm} file (its {@code WalCkptInfo}, after the two
     * 48-byte copies of the index header; native byte order) and the page size from the WAL header.
     *
     * @param backfilled frames copied into the database by the last checkpoint ({@code nBackfill})
     * @param attempted frames a checkpoint has started to copy ({@code nBackfillAttempted}); synced before that
     * @param pageSize the WAL's page size (0 when there is no WAL)
     */
    private record WalState(long backfilled, long attempted, long pageSize) {

        private static final int CKPT_INFO = 96;
        private static final int WAL_HEADER = 32;
        private static final int FRAME_HEADER = 24;

        static WalState read(Path home) throws IOException {
            Path shm = home.resolve("telemetry.db-shm");
            Path wal = home.resolve("telemetry.db-wal");
            long backfilled = 0;
            long attempted = 0;
            if (Files.exists(shm) && Files.size(shm) >= CKPT_INFO + 36) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(shm))
                        .order(java.nio.ByteOrder.nativeOrder());
                backfilled = Integer.toUnsignedLong(b.getInt(CKPT_INFO));
                attempted = Integer.toUnsignedLong(b.getInt(CKPT_INFO + 32));
            }
            long pageSize = 0;
            if (Files.exists(wal) && Files.size(wal) >= WAL_HEADER) {
                byte[] h = new byte[WAL_HEADER];
                try (java.io.InputStream in = Files.newInputStream(wal)) {
                    in.readNBytes(h, 0, WAL_HEADER);
                }
                pageSize = java.nio.ByteBuffer.wrap(h).getInt(8); // big-endian in the WAL header
            }
            return new WalState(backfilled, attempted, pageSize);
        }

        boolean checkpointInProgress() {
            return attempted > backfilled;
        }

        long durableWalBytes() {
            return attempted == 0 ? 0 : WAL_HEADER + attempted * (FRAME_HEADER + pageSize);
        }
    }

    @Test
    void deletedStateFolderAfterAKillIsRecreatedAndSaidSo() throws Exception {
        powerLossTrials("deleted state/", (cli, rnd) -> deleteTree(cli.telemetryHome().resolve("state")));
        // And after a clean sync, too: the notice says so.
        JarProcess cli = process(tmp.resolve("state-after-clean"));
        assertThat(cli.run("sync").exitCode()).isZero();
        deleteTree(cli.telemetryHome().resolve("state"));
        JarProcess.Result r = cli.run("sync");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Recovered: the state folder was missing and has been recreated")
                .contains("(0 read");
    }

    /**
     * Issue 19.13: a first sync stopped part way (SIGTERM here; Ctrl-C goes through the same shutdown path and
     * exits 130, but a JVM started in the background may have SIGINT ignored) says in one line that what was
     * committed is kept and the next sync resumes; the next sync then ends with the reference ledger.
     */
    @Test
    void aSyncStoppedPartWaySaysWhatIsKeptAndTheNextSyncFinishesIt() throws Exception {
        JarProcess cli = process(tmp.resolve("stopped"));
        Path out = tmp.resolve("stopped.out");
        Path err = tmp.resolve("stopped.err");
        Process p = cli.start(List.of(), out, err, "sync");
        Path db = cli.telemetryHome().resolve("telemetry.db");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && (!Files.exists(db) || countRows(db) == 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(p.isAlive()).as("the sync still runs after its first commit").isTrue();
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(143);
        assertThat(Files.readString(err).lines()).containsExactly(InterruptNotice.LINE);
        finishAndCompare(cli, "after a stop part way");
    }

    /** Damage done to the telemetry home between a kill and the next sync. */
    private interface Damage {
        void apply(JarProcess cli, SplittableRandom rnd) throws IOException;
    }

    private void powerLossTrials(String kind, Damage damage) throws Exception {
        int trials = LONG ? 20 : 1;
        SplittableRandom rnd = new SplittableRandom(SEED ^ kind.hashCode());
        Outcomes outcomes = new Outcomes();
        for (int t = 0; t < trials; t++) {
            JarProcess cli = process(tmp.resolve("power-" + t));
            outcomes.count(killDuringSync(cli, rnd));
            damage.apply(cli, rnd);
            finishAndCompare(cli, kind + " trial " + t);
            deleteTree(cli.telemetryHome().getParent());
        }
        System.out.println("CrashSafetyIT " + kind + " trials: " + trials + ", " + outcomes);
    }

    /** Where a kill landed, judged from what it left behind. */
    private enum KillPoint { BEFORE_FIRST_COMMIT, BETWEEN_COMMITS, AFTER_LAST_COMMIT, AFTER_EXIT }

    private KillPoint killDuringSync(JarProcess cli, SplittableRandom rnd) throws Exception {
        // Half the kills anywhere in the run, half in its second half, where the commits are.
        long window = Math.max(2, referenceMillis);
        long delay = 250 + (rnd.nextBoolean() ? rnd.nextLong(window) : window / 2 + rnd.nextLong(window / 2));
        Path out = Files.createDirectories(cli.telemetryHome().getParent()).resolve("killed-out.txt");
        long t0 = System.nanoTime();
        Process p = cli.start(List.of(), out, out, "sync");
        boolean exited = p.waitFor(delay, TimeUnit.MILLISECONDS);
        if (exited) {
            // Faster than the reference (warm caches, a quieter machine): aim the next kills inside this pace.
            referenceMillis = Math.max(2, Math.min(referenceMillis, (System.nanoTime() - t0) / 1_000_000 - 250));
        }
        if (!exited) {
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // 137 = killed; 0 = the sync finished in the instant between the wait and the kill (a race of the
            // test, not of the tool): counted as a kill after exit.
            assertThat(p.exitValue()).isIn(0, 137);
            exited = p.exitValue() == 0;
        }
        Path db = cli.telemetryHome().resolve("telemetry.db");
        long rows = Files.exists(db) ? countRows(db) : 0;
        if (exited) {
            return KillPoint.AFTER_EXIT;
        }
        if (rows == 0) {
            return KillPoint.BEFORE_FIRST_COMMIT;
        }
        return rows < reference.rows("usage_events") ? KillPoint.BETWEEN_COMMITS : KillPoint.AFTER_LAST_COMMIT;
    }

    /** Rows visible to a reader right now (a read-only look that leaves the WAL alone). */
    private static long countRows(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db.toAbsolutePath() + "?mode=ro");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM usage_events")) {
                return rs.next() ? rs.getLong(1) : 0;
            } catch (SQLException e) {
                return 0; // killed before the schema was committed
            }
        }
    }

    private void finishAndCompare(JarProcess cli, String what) throws Exception {
        Path lock = cli.telemetryHome().resolve("state/sync.lock");
        boolean diedHolding = Files.exists(lock) && Files.size(lock) > 0;
        JarProcess.Result r = cli.run("sync");
        assertThat(r.exitCode()).as(what + ": " + r.stderr()).isZero();
        assertThat(r.stderr()).as(what).isEmpty();
        if (diedHolding) {
            assertThat(r.stdout()).as(what).contains("Recovered: the previous sync was interrupted");
        }
        LedgerSnapshot after = LedgerSnapshot.of(cli.telemetryHome().resolve("telemetry.db"));
        assertThat(after.integrity()).as(what).isEqualTo("ok");
        for (Map.Entry<String, List<String>> e : reference.tables().entrySet()) {
            assertThat(after.tables().get(e.getKey())).as(what + ": table " + e.getKey())
                    .hasSameSizeAs(e.getValue()).containsExactlyElementsOf(e.getValue());
        }
    }

    /**
     * A sync process for a trial: commits of 2,000 records instead of 20,000, so that kills land before, between
     * and inside many commits (and the ledger it ends with must still equal the reference, made with the default
     * batches: batch boundaries must not show).
     */
    private static JarProcess process(Path home) {
        return new JarProcess(home, Map.of("CLAUDE_CONFIG_DIR", claude.toString(),
                "CC_TELEMETRY_BATCH_RECORDS", Integer.toString(TRIAL_BATCH_RECORDS)));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** How many kills landed where. */
    private static final class Outcomes {
        final int[] byPoint = new int[KillPoint.values().length];
        int total;

        void count(KillPoint p) {
            byPoint[p.ordinal()]++;
            total++;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(total + " kills:");
            for (KillPoint p : KillPoint.values()) {
                sb.append(' ').append(p.name().toLowerCase(Locale.ROOT)).append('=').append(byPoint[p.ordinal()]);
            }
            return sb.toString();
        }
    }
}
