package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.transcript.FileCheckpoint;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.SessionCostState;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    private static final String COLUMNS = "message_id, request_id, session_id, project_dir, cwd, ts, model, input,"
            + " output, cache_write_5m, cache_write_1h, cache_read, total_tokens, speed, service_tier, version,"
            + " sidechain, agent_id, stop_reason_set, config_root, source_file, source_offset, cost_usd,"
            + " cost_source, price_version, change_seq";

    /**
     * Replaces a stored copy only when {@link dev.cctelemetry.core.usage.WinnerRule} prefers the incoming one:
     * larger total; then non-sidechain; then speed set; then stop_reason set; then earlier (file, offset).
     */
    private static final String INCOMING_WINS = """
            excluded.total_tokens > usage_events.total_tokens
            OR (excluded.total_tokens = usage_events.total_tokens AND (
                 excluded.sidechain < usage_events.sidechain
              OR (excluded.sidechain = usage_events.sidechain AND (
                   (excluded.speed <> '') > (usage_events.speed <> '')
                OR ((excluded.speed <> '') = (usage_events.speed <> '') AND (
                     excluded.stop_reason_set > usage_events.stop_reason_set
                  OR (excluded.stop_reason_set = usage_events.stop_reason_set AND (
                       excluded.source_file < usage_events.source_file
                    OR (excluded.source_file = usage_events.source_file
                        AND excluded.source_offset < usage_events.source_offset)))))))))""";

    private static final String INSERT = "INSERT OR IGNORE INTO usage_events (" + COLUMNS + ") VALUES ("
            + "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    /**
     * Replaces the stored copy whole, only when the incoming copy wins. The incoming values are bound once as
     * numbered parameters {@code ?1..?26} (in {@link #COLUMNS} order) and reused in the condition.
     */
    private static final String REPLACE = replaceStatement();

    private static final java.util.Comparator<UsageRecord> KEY_ORDER = java.util.Comparator
            .comparing((UsageRecord r) -> r.key().messageId()).thenComparing(r -> r.key().requestId());

    /** Statements per JDBC batch. */
    private static final int JDBC_BATCH = 1000;

    private static String replaceStatement() {
        String[] cols = COLUMNS.split(",\\s*");
        StringBuilder set = new StringBuilder();
        String wins = INCOMING_WINS;
        for (int i = 0; i < cols.length; i++) {
            set.append(i == 0 ? "" : ", ").append(cols[i]).append(" = ?").append(i + 1);
            wins = wins.replace("excluded." + cols[i] + " ", "?" + (i + 1) + " ")
                    .replace("excluded." + cols[i] + ")", "?" + (i + 1) + ")")
                    .replace("excluded." + cols[i] + "\n", "?" + (i + 1) + "\n");
        }
        if (wins.contains("excluded.")) {
            throw new IllegalStateException("unbound column in winner rule: " + wins);
        }
        return "UPDATE usage_events SET " + set + " WHERE message_id = ?1 AND request_id = ?2 AND (" + wins + ")";
    }

    private final Connection conn;
    private final String priceVersion;

    private SqliteLedger(Connection conn, String priceVersion) {
        this.conn = conn;
        this.priceVersion = priceVersion;
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
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new LedgerOpenException("cannot create ledger folder for " + file + ": " + e.getMessage(), e);
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
            LedgerSchema.migrate(c);
            capPagesForTests(c);
            return new SqliteLedger(c, priceVersion);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new LedgerOpenException("cannot open ledger " + file + ": " + oneLine(e), e);
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
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                if (rs.next() && "wal".equalsIgnoreCase(rs.getString(1))) {
                    return;
                }
            }
            s.execute("PRAGMA journal_mode = WAL");
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
        Map<String, FileCheckpoint> out = new HashMap<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT path, file_key, size, modified_millis, read_offset, head_hash FROM file_checkpoints")) {
            while (rs.next()) {
                FileCheckpoint cp = new FileCheckpoint(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6));
                out.put(cp.path(), cp);
            }
            return out;
        } catch (SQLException e) {
            throw failure("read checkpoints", e);
        }
    }

    @Override
    public CommitOutcome commit(IngestBatch batch) {
        try {
            conn.setAutoCommit(false);
            CommitOutcome outcome;
            try {
                long seq = nextChangeSeq();
                long[] counts = upsertRecords(batch, seq);
                saveCheckpoints(batch);
                Set<String> sessions = new HashSet<>();
                batch.records().forEach(r -> sessions.add(r.sessionId()));
                saveCostStates(batch);
                batch.costStates().forEach(cs -> sessions.add(cs.sessionId()));
                spreadCostStates(sessions, seq);
                conn.commit();
                outcome = new CommitOutcome(counts[0], counts[1], batch.records().size() - counts[0] - counts[1]);
            } catch (SQLException | RuntimeException e) {
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

    /**
     * Inserts new keys; for keys already stored, replaces the row only when the incoming copy wins.
     *
     * @return {inserted, replaced}
     */
    private long[] upsertRecords(IngestBatch batch, long seq) throws SQLException {
        // In key order the unique index is written page after page instead of at random: measured 1.5x faster.
        List<UsageRecord> records = new ArrayList<>(batch.records());
        records.sort(KEY_ORDER);
        List<UsageRecord> existing = new ArrayList<>();
        long inserted = 0;
        try (PreparedStatement ps = conn.prepareStatement(INSERT)) {
            for (int from = 0; from < records.size(); from += JDBC_BATCH) {
                List<UsageRecord> chunk = records.subList(from, Math.min(records.size(), from + JDBC_BATCH));
                for (UsageRecord r : chunk) {
                    bind(ps, r, seq);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0) {
                        inserted++;
                    } else {
                        existing.add(chunk.get(i));
                    }
                }
            }
        }
        long replaced = 0;
        if (!existing.isEmpty()) {
            try (PreparedStatement ps = conn.prepareStatement(REPLACE)) {
                for (UsageRecord r : existing) {
                    bind(ps, r, seq);
                    replaced += ps.executeUpdate();
                }
            }
        }
        return new long[] {inserted, replaced};
    }

    private void bind(PreparedStatement ps, UsageRecord r, long seq) throws SQLException {
        TokenCounts t = r.tokens();
        int i = 1;
        ps.setString(i++, r.key().messageId());
        ps.setString(i++, r.key().requestId());
        ps.setString(i++, r.sessionId());
        ps.setString(i++, r.projectDir());
        ps.setString(i++, r.cwd());
        ps.setLong(i++, r.timestamp().toEpochMilli());
        ps.setString(i++, r.model());
        ps.setLong(i++, t.input());
        ps.setLong(i++, t.output());
        ps.setLong(i++, t.cacheWrite5m());
        ps.setLong(i++, t.cacheWrite1h());
        ps.setLong(i++, t.cacheRead());
        ps.setLong(i++, t.total());
        ps.setString(i++, r.speed());
        ps.setString(i++, r.serviceTier());
        ps.setString(i++, r.version());
        ps.setInt(i++, r.sidechain() ? 1 : 0);
        ps.setString(i++, r.agentId());
        ps.setInt(i++, r.stopReasonSet() ? 1 : 0);
        ps.setString(i++, r.configRoot());
        ps.setString(i++, r.sourceFile());
        ps.setLong(i++, r.sourceOffset());
        ps.setDouble(i++, r.costUsd());
        ps.setString(i++, r.costSource().code());
        ps.setString(i++, r.costSource() == CostSource.PRICE_TABLE ? priceVersion : "");
        ps.setLong(i, seq);
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

    private void saveCostStates(IngestBatch batch) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cost_states (session_id, model, cost_usd,"
                + " input, output, cache_write_5m, cache_write_1h, cache_read, source_file, source_offset)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (session_id, model) DO UPDATE SET"
                + " cost_usd = excluded.cost_usd, input = excluded.input, output = excluded.output,"
                + " cache_write_5m = excluded.cache_write_5m, cache_write_1h = excluded.cache_write_1h,"
                + " cache_read = excluded.cache_read, source_file = excluded.source_file,"
                + " source_offset = excluded.source_offset"
                // A later cost-state line of the same file supersedes an earlier one.
                + " WHERE excluded.source_file <> cost_states.source_file"
                + " OR excluded.source_offset >= cost_states.source_offset")) {
            for (SessionCostState cs : batch.costStates()) {
                for (Map.Entry<String, SessionCostState.ModelCost> e : cs.modelCosts().entrySet()) {
                    TokenCounts t = e.getValue().tokens();
                    ps.setString(1, cs.sessionId());
                    ps.setString(2, e.getKey());
                    ps.setDouble(3, e.getValue().costUsd());
                    ps.setLong(4, t.input());
                    ps.setLong(5, t.output());
                    ps.setLong(6, t.cacheWrite5m());
                    ps.setLong(7, t.cacheWrite1h());
                    ps.setLong(8, t.cacheRead());
                    ps.setString(9, cs.sourceFile());
                    ps.setLong(10, cs.sourceOffset());
                    ps.executeUpdate();
                }
            }
        }
    }

    /**
     * For models the price table does not know, spreads Claude Code's own per-model cost of the session over
     * that session's records of the model, by token share.
     */
    private void spreadCostStates(Set<String> sessions, long seq) throws SQLException {
        if (sessions.isEmpty()) {
            return;
        }
        String unpriced = CostSource.UNPRICED.code();
        String fromState = CostSource.COST_STATE.code();
        try (PreparedStatement find = conn.prepareStatement("SELECT cs.model, cs.cost_usd,"
                + " (SELECT SUM(e.total_tokens) FROM usage_events e WHERE e.session_id = cs.session_id"
                + "  AND e.model = cs.model AND e.cost_source IN (?, ?))"
                + " FROM cost_states cs WHERE cs.session_id = ?");
                PreparedStatement spread = conn.prepareStatement("UPDATE usage_events SET cost_source = ?,"
                        + " cost_usd = ? * total_tokens / ?, change_seq = ? WHERE session_id = ? AND model = ?"
                        + " AND cost_source IN (?, ?)")) {
            for (String session : sessions) {
                find.setString(1, unpriced);
                find.setString(2, fromState);
                find.setString(3, session);
                Map<String, double[]> todo = new HashMap<>();
                try (ResultSet rs = find.executeQuery()) {
                    while (rs.next()) {
                        long tokens = rs.getLong(3);
                        if (tokens > 0) {
                            todo.put(rs.getString(1), new double[] {rs.getDouble(2), tokens});
                        }
                    }
                }
                for (Map.Entry<String, double[]> e : todo.entrySet()) {
                    spread.setString(1, fromState);
                    spread.setDouble(2, e.getValue()[0]);
                    spread.setDouble(3, e.getValue()[1]);
                    spread.setLong(4, seq);
                    spread.setString(5, session);
                    spread.setString(6, e.getKey());
                    spread.setString(7, unpriced);
                    spread.setString(8, fromState);
                    spread.executeUpdate();
                }
            }
        }
    }

    @Override
    public void forEachRecord(RecordFilter filter, Consumer<UsageRecord> action) {
        Objects.requireNonNull(filter, "filter is null");
        String sql = "SELECT " + COLUMNS + " FROM usage_events WHERE ts >= ? AND ts < ? ORDER BY ts, message_id";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, filter.from().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
            ps.setLong(2, filter.until().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE));
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(read(rs));
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
        readPending("change_seq > ? ORDER BY change_seq LIMIT ?", records, seqs, afterSeq, limit);
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
            readPending("change_seq = ?", records, seqs, last);
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
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM usage_events WHERE " + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(read(rs));
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

    private static UsageRecord read(ResultSet rs) throws SQLException {
        return new UsageRecord(new UsageKey(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7),
                new TokenCounts(rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12)),
                rs.getString(14), rs.getString(15), rs.getString(16), rs.getInt(17) != 0, rs.getString(18),
                rs.getInt(19) != 0, rs.getString(20), rs.getString(21), rs.getLong(22), rs.getDouble(23),
                CostSource.ofCode(rs.getString(24)));
    }

    @Override
    public LedgerStats stats() {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*),"
                + " COUNT(DISTINCT session_id), MIN(ts), MAX(ts), (SELECT COUNT(*) FROM file_checkpoints)"
                + " FROM usage_events")) {
            rs.next();
            long n = rs.getLong(1);
            Optional<Instant> first = n == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(rs.getLong(3)));
            Optional<Instant> last = n == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(rs.getLong(4)));
            return new LedgerStats(n, rs.getLong(2), rs.getLong(5), first, last);
        } catch (SQLException e) {
            throw failure("read statistics", e);
        }
    }

    /** Runs SQLite's integrity check; "ok" when the file is sound. */
    public String integrityCheck() {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            return rs.next() ? rs.getString(1) : "no result";
        } catch (SQLException e) {
            throw failure("check integrity", e);
        }
    }

    /** The schema version of the open ledger. */
    public int schemaVersion() {
        return LedgerSchema.CURRENT;
    }

    @Override
    public void close() {
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
        return new UncheckedIOException("cannot " + what + " in the ledger: " + oneLine(e),
                new IOException(e));
    }

    private static String oneLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}
