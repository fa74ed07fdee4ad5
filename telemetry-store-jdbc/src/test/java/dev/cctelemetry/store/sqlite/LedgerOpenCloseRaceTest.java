package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections to one WAL ledger opened and closed at once on several threads of one process. SQLite 3.51.0 and
 * 3.51.1 (sqlite-jdbc 3.51.1.0) could deadlock there for good: a connection closing as the file's last one took
 * the VFS's per-file mutex and then its global one, while a connection closing or opening took them in the other
 * order ({@code unixIsSharingShmNode}, fixed in SQLite 3.51.2). {@code SqliteLedgerTest}'s concurrent openers hung
 * a whole build that way. The threads here are daemons and the test watches their progress, so a deadlock fails
 * the test within seconds instead of hanging it.
 */
class LedgerOpenCloseRaceTest {

    /**
     * How long the threads open and close. Two threads, so that a connection often closes as the file's last one:
     * on the old library two runs in three stalled within this time (and every run of a tighter loop outside
     * Maven within 20 s); on 3.51.3 none did.
     */
    private static final long RUN_NANOS = 8_000_000_000L;
    /** No open or close finishing for this long is a deadlock (the busy timeout never comes into play here). */
    private static final long STALL_NANOS = 20_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void threadsOpeningAndClosingOneLedgerNeverStall() throws Exception {
        Path db = dir.resolve("t.db");
        try (SqliteLedger ledger = SqliteLedger.open(db, "v")) {
            assertThat(ledger.recordCount()).isZero();
        }
        AtomicLong done = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + RUN_NANOS;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end && errors.isEmpty()) {
                    // Plain connections: a ledger's own open does more work per connection, which makes the
                    // window rarer but not absent (it hung the build); these hit it within seconds on 3.51.1.
                    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                            Statement s = c.createStatement()) {
                        s.execute("PRAGMA busy_timeout = 60000");
                        s.executeQuery("SELECT COUNT(*) FROM file_checkpoints").close();
                    } catch (SQLException | RuntimeException e) {
                        errors.add(e);
                    }
                    done.incrementAndGet();
                }
            }, "opener-" + i);
            t.setDaemon(true); // a thread stuck in native code cannot be stopped: it must not keep the JVM alive
            threads.add(t);
            t.start();
        }
        long seen = -1;
        long lastProgress = System.nanoTime();
        while (threads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(100);
            long now = done.get();
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
                fail("no ledger open or close finished for 20 s after %d of them: the threads are deadlocked", now);
            }
        }
        assertThat(errors).isEmpty();
        assertThat(done.get()).isPositive();
    }
}
