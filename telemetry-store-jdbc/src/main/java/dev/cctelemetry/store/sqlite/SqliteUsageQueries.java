package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.SyncMark;
import dev.cctelemetry.store.query.SqlAggregates;
import dev.cctelemetry.store.query.SqlRunner;
import dev.cctelemetry.store.query.SqlUsageQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * {@link UsageQueries} over this machine's ledger, in SQL. Each call opens a read-only connection of its own and
 * closes it: in WAL mode a reader sees the last commit and never holds up the sync or hook writing beside it,
 * and a long-running front end (the dashboard) keeps no connection between calls. The ledger must be migrated
 * (opening it through {@link SqliteLedger#open} does that); a missing ledger answers nothing.
 */
public final class SqliteUsageQueries implements SqlRunner, SqlUsageQueries.Marks {

    /** Wait this long for a checkpoint in progress rather than failing with "database is locked". */
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;

    private SqliteUsageQueries(Path file) {
        this.file = file.toAbsolutePath();
    }

    /**
     * Queries over the ledger at {@code file}, whose records are all of one machine.
     *
     * @param file the ledger ({@code telemetry.db})
     * @param machineId this machine's id
     * @param machineName its name
     */
    public static UsageQueries over(Path file, String machineId, String machineName) {
        Objects.requireNonNull(machineId, "machineId is null");
        Objects.requireNonNull(machineName, "machineName is null");
        SqliteUsageQueries ledger = new SqliteUsageQueries(file);
        return new SqlUsageQueries(ledger, new SqlAggregates(ledger, LedgerUsageTable.records(machineId, machineName),
                Optional.of(LedgerUsageTable.hours(machineId, machineName)),
                Optional.of(LedgerUsageTable.sessions(machineId, machineName)),
                Optional.of(LedgerUsageTable.slots(machineId, machineName)),
                id -> id.equals(machineId) ? machineName : ""),
                "SELECT e.ts, c.model, c.speed, e.input, e.output, e.cache_write_5m, e.cache_write_1h, e.cache_read,"
                        + " e.cost_usd, e.cost_source, e.sidechain, c.agent_id FROM " + UsageEventTable.FROM
                        + " WHERE c.session_id = ? AND e.total_tokens > 0"
                        // The session's time span from the summary: records are then found through the index on
                        // time instead of by reading every record (418 ms -> 1 ms for one session of 1M records).
                        + " AND e.ts >= (SELECT MIN(first_ts) FROM usage_hours WHERE session_id = ?1)"
                        + " AND e.ts <= (SELECT MAX(last_ts) FROM usage_hours WHERE session_id = ?1)"
                        + " ORDER BY e.ts, s.source_file, e.source_offset", ledger);
    }

    /** None: the ledger keeps no history of its syncs (the hook and push status files do). */
    @Override
    public List<SyncMark> lastSyncs() {
        return List.of();
    }

    /** The ledger's change sequence: every commit of records moves it. */
    @Override
    public long changeCount() {
        Long seq = read("read the change counter", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT value FROM ledger_meta WHERE key = 'change_seq'"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Long.parseLong(rs.getString(1)) : 0L;
            }
        });
        return seq == null ? 0 : seq;
    }

    /**
     * Runs {@code work} on a fresh read-only connection, in one read transaction; null when there is no ledger yet.
     */
    @Override
    public <T> T read(String what, Work<T> work) {
        if (!Files.exists(file)) {
            return null;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file)) {
            // One read transaction: the statements of one answer see one snapshot, even if a sync commits between.
            c.setAutoCommit(false);
            try {
                return work.run(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw SqlErrors.failure(what, e);
        }
    }
}
