package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.error.ErrorLine;
import dev.cctelemetry.core.io.PrivateFiles;
import dev.cctelemetry.core.port.out.AlertLog;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.PlanLimitLog;
import dev.cctelemetry.core.port.out.UsageRecordSource;
import dev.cctelemetry.core.transcript.FileCheckpoint;
import dev.cctelemetry.core.usage.ReportedUsage;
import dev.cctelemetry.core.usage.UsageRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * {@link Ledger} on an SQLite file in WAL mode. One connection, used by one thread at a time (the sync lock
 * guarantees one writer per machine; readers such as reports open their own instance, which WAL allows).
 */
public final class SqliteLedger implements Ledger {

    /**
     * Test knob, not a setting: a system property capping the ledger at that many pages (SQLite's
     * {@code max_page_count}) so the fault suite can fill the "disk" without a small file system.
     */
    public static final String MAX_PAGE_COUNT_PROPERTY = "cct.sqlite.maxPageCount";

    /** Wait this long for another process's write transaction instead of failing with "database is locked". */
    private static final int BUSY_TIMEOUT_MILLIS = 60_000;
    /** SQLite's primary result code for "database is locked". */
    private static final int SQLITE_BUSY = 5;

    private final Connection conn;
    private final Path file;
    /** Whether this instance has committed anything (then its published checkpoints are out of date). */
    private boolean committed;
    private final UsageEventTable events;
    private final DimensionTable sources;
    private final DimensionTable contexts;
    private final CostStateTable costStates;
    private final PlanLimitTable planLimits;
    private final AlertTables alerts;
    /** When a published status line snapshot is made, and the zone of its dates. */
    private final Clock clock;

    private SqliteLedger(Connection conn, Path file, String priceVersion, KeySlots slots, Clock clock) {
        this.conn = conn;
        this.file = file;
        this.clock = clock;
        this.events = new UsageEventTable(conn, priceVersion, slots);
        this.sources = DimensionTable.sources(conn);
        this.contexts = DimensionTable.contexts(conn);
        this.costStates = new CostStateTable(conn);
        this.planLimits = new PlanLimitTable(conn);
        this.alerts = new AlertTables(conn);
    }

    /**
     * Opens (creating when absent) the ledger at {@code file} and migrates its schema.
     *
     * @param file e.g. {@code ~/.claude-telemetry/telemetry.db}
     * @param priceVersion the price table version stored with costs computed from it
     * @throws LedgerVersionException when the file was written by a newer cc-telemetry
     * @throws LedgerOpenException when the file is not a readable SQLite ledger
     */
    public static SqliteLedger open(Path file, String priceVersion) {
        return open(file, priceVersion, Clock.systemDefaultZone());
    }

    /**
     * {@link #open(Path, String)} with the clock the published status line snapshot is made by: its instant is the
     * snapshot's time, its zone the zone of the snapshot's dates (the user's, where "today" is).
     */
    public static SqliteLedger open(Path file, String priceVersion, Clock clock) {
        return open(file, priceVersion, KeySlots.STANDARD, clock);
    }

    /** {@link #open(Path, String)} with other key slots: tests that make every key share one hash. */
    static SqliteLedger open(Path file, String priceVersion, KeySlots slots) {
        return open(file, priceVersion, slots, Clock.systemDefaultZone());
    }

    private static SqliteLedger open(Path file, String priceVersion, KeySlots slots, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                PrivateFiles.createDirectories(parent);
            }
            // SQLite would create a missing ledger 0644 (its default) and gives the -wal and -shm files the
            // ledger's own mode; an empty file is a new database to it, so creating that owner-only keeps all
            // three private from their first moment.
            PrivateFiles.createFileIfMissing(file.toAbsolutePath());
        } catch (IOException e) {
            throw new LedgerOpenException("cannot create ledger " + file + ": " + e.getMessage(), e);
        }
        Connection c = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            // Take the write lock when a transaction begins, so a waiting writer queues on the busy timeout
            // instead of failing with "database is locked" when it upgrades a read lock.
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            // WAL + NORMAL survives a killed process; a power cut may lose the last commits, which the
            // checkpoints (committed with them) make the next sync read again.
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setCacheSize(-16 * 1024); // 16 MiB page cache (negative = KiB): bulk inserts touch many pages
            config.setTempStore(SQLiteConfig.TempStore.MEMORY);
            c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            enableWal(c);
            LedgerSchema.migrate(c, slots);
            capPagesForTests(c);
            return new SqliteLedger(c, file.toAbsolutePath(), priceVersion, slots, clock);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new LedgerOpenException("cannot open ledger " + file + ": " + ErrorLine.of(e), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * Switches the file to WAL once (the mode is stored in the file). Done after the busy timeout is in force,
     * so processes opening a new ledger at the same moment wait for each other instead of failing.
     */
    private static void enableWal(Connection c) throws SQLException {
        long deadline = System.nanoTime() + BUSY_TIMEOUT_MILLIS * 1_000_000L;
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            for (int attempt = 1; ; attempt++) {
                try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                    if (rs.next() && "wal".equalsIgnoreCase(rs.getString(1))) {
                        return;
                    }
                }
                try {
                    s.execute("PRAGMA journal_mode = WAL");
                    return;
                } catch (SQLException e) {
                    // Switching to WAL needs the file to itself, and SQLite reports a clash with another process
                    // opening the same new ledger at once as BUSY without waiting (seen: 18 of 1,200 concurrent
                    // first opens). Wait a little and look again: usually the other one has switched it already.
                    if (e.getErrorCode() != SQLITE_BUSY || System.nanoTime() > deadline) {
                        throw e;
                    }
                    pause(Math.min(50, 2L * attempt));
                }
            }
        }
    }

    private static void pause(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the ledger", e);
        }
    }

    private static void capPagesForTests(Connection c) throws SQLException {
        String cap = System.getProperty(MAX_PAGE_COUNT_PROPERTY);
        if (cap != null) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA max_page_count = " + Long.parseLong(cap.strip()));
            }
        }
    }

    @Override
    public Map<String, FileCheckpoint> checkpoints() {
        return checkpointsWhere("");
    }

    @Override
    public Map<String, FileCheckpoint> checkpointsBetween(String first, String last) {
        return checkpointsWhere(" WHERE path >= ? AND path <= ?", first, last);
    }

    private Map<String, FileCheckpoint> checkpointsWhere(String where, String... params) {
        Map<String, FileCheckpoint> out = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + CHECKPOINT_COLUMNS + " FROM file_checkpoints"
                + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    FileCheckpoint cp = checkpoint(rs);
                    out.put(cp.path(), cp);
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read checkpoints", e);
        }
    }

    private static final String CHECKPOINT_COLUMNS = "path, file_key, size, modified_millis, read_offset, head_hash";

    private static FileCheckpoint checkpoint(ResultSet rs) throws SQLException {
        return new FileCheckpoint(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6));
    }

    @Override
    public CommitOutcome commit(IngestBatch batch) {
        try {
            // Before the transaction: a published copy that exists is then never older than the ledger.
            PublishedCheckpoints.forget(file);
            PublishedStatusline.forget(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + PublishedCheckpoints.fileFor(file) + ": "
                    + e.getMessage(), e);
        }
        committed = true;
        try {
            conn.setAutoCommit(false);
            CommitOutcome outcome;
            try {
                long seq = nextChangeSeq();
                long[] counts = events.upsert(batch.records(), seq, sources, contexts);
                saveCheckpoints(batch);
                Set<String> sessions = new HashSet<>();
                batch.records().forEach(r -> sessions.add(r.sessionId()));
                costStates.save(batch.costStates());
                batch.costStates().forEach(cs -> sessions.add(cs.sessionId()));
                costStates.spread(sessions, seq);
                conn.commit();
                sources.committed();
                contexts.committed();
                outcome = new CommitOutcome(counts[0], counts[1], batch.records().size() - counts[0] - counts[1]);
            } catch (SQLException | RuntimeException e) {
                sources.rolledBack();
                contexts.rolledBack();
                abandonTransaction(e);
                throw e;
            }
            conn.setAutoCommit(true);
            return outcome;
        } catch (SQLException e) {
            throw failure("write records", e);
        }
    }

    /**
     * Rolls back after {@code cause} and returns the connection to autocommit, without letting either step hide
     * the cause: on some errors (a full disk, SQLITE_FULL) SQLite has already rolled the transaction back itself,
     * so ROLLBACK and the COMMIT that ends manual mode fail with "no transaction is active".
     */
    private void abandonTransaction(Exception cause) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        try {
            conn.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private long nextChangeSeq() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("UPDATE ledger_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_seq'");
            try (ResultSet rs = s.executeQuery("SELECT value FROM ledger_meta WHERE key = 'change_seq'")) {
                rs.next();
                return Long.parseLong(rs.getString(1));
            }
        }
    }

    private void saveCheckpoints(IngestBatch batch) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO file_checkpoints (path, file_key, size,"
                + " modified_millis, read_offset, head_hash) VALUES (?,?,?,?,?,?) ON CONFLICT (path) DO UPDATE SET"
                + " file_key = excluded.file_key, size = excluded.size, modified_millis = excluded.modified_millis,"
                + " read_offset = excluded.read_offset, head_hash = excluded.head_hash")) {
            for (FileCheckpoint cp : batch.checkpoints()) {
                ps.setString(1, cp.path());
                ps.setString(2, cp.fileKey());
                ps.setLong(3, cp.size());
                ps.setLong(4, cp.modifiedMillis());
                ps.setLong(5, cp.offset());
                ps.setLong(6, cp.headHash());
                ps.executeUpdate();
            }
        }
    }

    /**
     * Publishes the checkpoints and record count next to the ledger ({@link PublishedCheckpoints}) once the log
     * holding this instance's commits is on disk. Skipped when this instance committed nothing and the copy
     * there describes this ledger file (it is current then: every commit removes it). The status line's figures
     * ({@link PublishedStatusline}) are published after them on the same terms.
     */
    @Override
    public void publishCheckpoints() {
        boolean statusline = committed || PublishedStatusline.read(file).isEmpty();
        if (committed || !publishedIsWhole()) {
            try {
                flushLog();
                // Streamed in path order straight from the index: a history's checkpoints are never all in memory.
                PublishedCheckpoints.write(file, recordCount(), sink -> {
                    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                            "SELECT " + CHECKPOINT_COLUMNS + " FROM file_checkpoints ORDER BY path")) {
                        while (rs.next()) {
                            sink.accept(checkpoint(rs));
                        }
                    } catch (SQLException e) {
                        throw failure("read checkpoints", e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot publish checkpoints: " + e.getMessage(), e);
            }
        }
        if (statusline) {
            publishStatusline();
        }
    }

    /**
     * Publishes the status line's figures ({@link PublishedStatusline}); the caller holds the sync lock, so no
     * commit runs between the queries and the write. A failure costs only the status line's figures until the next
     * sync.
     */
    private void publishStatusline() {
        try {
            PublishedStatusline.write(file, StatuslineSnapshotQuery.make(conn, clock.instant(), clock.getZone()));
        } catch (SQLException e) {
            throw failure("compute the status line figures", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the status line figures: " + e.getMessage(), e);
        }
    }

    /** Whether the copy next to the ledger describes this file and reads whole (then it is current). */
    private boolean publishedIsWhole() {
        Optional<PublishedCheckpoints.Reader> published = PublishedCheckpoints.open(file);
        if (published.isEmpty()) {
            return false;
        }
        try (PublishedCheckpoints.Reader r = published.get()) {
            return r.verify();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Forces the write-ahead log to disk. With {@code synchronous=NORMAL} SQLite syncs it only at checkpoints,
     * which a concurrent reader can hold off; the published copy must not survive a power cut that the commits
     * it describes do not.
     */
    private void flushLog() throws IOException {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try (FileChannel ch = FileChannel.open(wal, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (NoSuchFileException e) {
            // no log: everything is in the database file, which SQLite synced when it checkpointed
        }
    }

    @Override
    public void forEachRecord(RecordFilter filter, Consumer<UsageRecord> action) {
        streamInOrder(filter, UsageEventTable.SELECT, UsageEventTable.SELECTED, UsageEventTable::read, action);
    }

    @Override
    public void forEachReported(RecordFilter filter, Consumer<ReportedUsage> action) {
        streamInOrder(filter, UsageEventTable.SELECT_REPORTED, UsageEventTable.SELECTED_REPORTED,
                UsageEventTable::readReported, action);
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs, RowText text) throws SQLException;
    }

    /** Streams {@code columns} of the records in the filter's range, in {@link UsageRecordSource#ORDER}. */
    private <T> void streamInOrder(RecordFilter filter, String columns, int columnCount, RowReader<T> reader,
            Consumer<T> action) {
        Objects.requireNonNull(filter, "filter is null");
        String sql = "SELECT " + columns + " FROM " + UsageEventTable.FROM
                + " WHERE e.ts >= ? AND e.ts < ? ORDER BY e.ts, s.source_file, e.source_offset";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, filter.from().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
            ps.setLong(2, filter.until().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE));
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                RowText text = new RowText(columnCount);
                while (rs.next()) {
                    action.accept(reader.read(rs, text));
                }
            }
        } catch (SQLException e) {
            throw failure("read records", e);
        }
    }

    @Override
    public PendingBatch pendingForPush(long afterSeq, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        List<UsageRecord> records = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        readPending("e.change_seq > ? ORDER BY e.change_seq LIMIT ?", records, seqs, afterSeq, limit);
        if (records.isEmpty()) {
            return new PendingBatch(List.of(), afterSeq);
        }
        long last = seqs.get(seqs.size() - 1);
        if (records.size() < limit) {
            return new PendingBatch(records, last);
        }
        if (seqs.get(0) == last) {
            // One commit alone fills the batch: take the whole commit, past the soft limit.
            records.clear();
            seqs.clear();
            readPending("e.change_seq = ?", records, seqs, last);
            return new PendingBatch(records, last);
        }
        // The last sequence may continue past the limit: leave it whole for the next batch.
        int end = seqs.size();
        while (seqs.get(end - 1) == last) {
            end--;
        }
        return new PendingBatch(records.subList(0, end), seqs.get(end - 1));
    }

    private void readPending(String where, List<UsageRecord> records, List<Long> seqs, long... params) {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT " + UsageEventTable.SELECT + " FROM " + UsageEventTable.FROM + " WHERE " + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                RowText text = new RowText(UsageEventTable.SELECTED);
                while (rs.next()) {
                    records.add(UsageEventTable.read(rs, text));
                    seqs.add(rs.getLong(26));
                }
            }
        } catch (SQLException e) {
            throw failure("read records to push", e);
        }
    }

    @Override
    public long countPendingForPush(long afterSeq) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM usage_events WHERE change_seq > ?")) {
            ps.setLong(1, afterSeq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("count records to push", e);
        }
    }

    @Override
    public long pushedMark(String target) {
        Objects.requireNonNull(target, "target is null");
        Map<String, String> meta = meta();
        return target.equals(meta.getOrDefault("pushed_target", "")) ? Long.parseLong(meta.get("pushed_seq")) : 0;
    }

    @Override
    public void markPushed(String target, long seq) {
        Objects.requireNonNull(target, "target is null");
        try {
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE ledger_meta SET value = ? WHERE key = ?")) {
                Map<String, String> meta = meta();
                boolean sameTarget = target.equals(meta.getOrDefault("pushed_target", ""));
                if (!sameTarget || seq > Long.parseLong(meta.get("pushed_seq"))) {
                    ps.setString(1, Long.toString(seq));
                    ps.setString(2, "pushed_seq");
                    ps.executeUpdate();
                    ps.setString(1, target);
                    ps.setString(2, "pushed_target");
                    ps.executeUpdate();
                }
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("store the push mark", e);
        }
    }

    private Map<String, String> meta() {
        Map<String, String> out = new HashMap<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM ledger_meta")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read ledger metadata", e);
        }
    }

    @Override
    public LedgerStats stats() {
        // A request is a record with a token (UsageRecord.isRequest); a session one with a request.
        String request = "(e.input + e.output + e.cache_write_5m + e.cache_write_1h + e.cache_read) > 0";
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*),"
                + " COUNT(DISTINCT CASE WHEN " + request + " THEN c.session_id END), MIN(e.ts), MAX(e.ts),"
                + " (SELECT COUNT(*) FROM file_checkpoints), COALESCE(SUM(CASE WHEN " + request
                + " THEN 1 ELSE 0 END), 0) FROM usage_events e JOIN contexts c ON c.id = e.context_id")) {
            rs.next();
            long n = rs.getLong(1);
            Optional<Instant> first = n == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(rs.getLong(3)));
            Optional<Instant> last = n == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(rs.getLong(4)));
            return new LedgerStats(n, rs.getLong(6), rs.getLong(2), rs.getLong(5), first, last);
        } catch (SQLException e) {
            throw failure("read statistics", e);
        }
    }

    @Override
    public long recordCount() {
        // COUNT(*) alone walks the narrowest index (change_seq) instead of the wide rows.
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM usage_events")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("count records", e);
        }
    }

    /**
     * Runs SQLite's integrity check: "ok" when the file is sound, else its first finding (and how many more there
     * are), without SQLite's "*** in database main ***" heading.
     */
    public String integrityCheck() {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String first = null;
            int more = 0;
            while (rs.next()) {
                String line = rs.getString(1);
                if (line == null || line.startsWith("*** in database")) {
                    continue;
                }
                if (first == null) {
                    first = line.strip();
                } else {
                    more++;
                }
            }
            if (first == null) {
                return "no result";
            }
            return more == 0 ? first : first + " (and " + more + " more findings)";
        } catch (SQLException e) {
            throw failure("check integrity", e);
        }
    }

    /**
     * This machine's plan-limit history in this ledger, over its connection (so used by the same one thread at a
     * time). Its writes are their own transactions: they never touch usage records, checkpoints or the published
     * copies.
     */
    public PlanLimitLog planLimitLog() {
        return planLimits;
    }

    /** The alerts raised on this machine and their deliveries, over this ledger's connection. */
    public AlertLog alertLog() {
        return alerts;
    }

    /** The schema version of the open ledger. */
    public int schemaVersion() {
        return LedgerSchema.CURRENT;
    }

    @Override
    public void close() {
        try (DimensionTable s = sources; DimensionTable c = contexts) {
            // their cached statements first, then the connection
        } catch (SQLException ignored) {
            // closing anyway: the connection's close releases them too
        }
        closeQuietly(conn);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a broken connection: nothing left to release
            }
        }
    }

    private static UncheckedIOException failure(String what, SQLException e) {
        return SqlErrors.failure(what, e);
    }
}
