package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.usage.SessionCostState;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads what can still be read from a damaged ledger file into a sound one. Usage records are read in chunks by
 * rowid, stepping past chunks SQLite cannot read; cost-states the same way. Records go through the normal
 * {@link Ledger#commit}, so the winner rule applies as always. Checkpoints are not carried over: the next sync
 * reads every transcript again, and dedupe merges what the transcripts and the salvaged records both hold. Works
 * on every schema version (records of versions 1 and 2 hold their source columns inline, those of version 3 their
 * session, model and the like).
 *
 * <p>The damaged file is opened and may be changed by SQLite (WAL recovery, a checkpoint on close): callers hand
 * in a copy and keep the original.
 */
public final class LedgerSalvage {

    /** Rows per read; a chunk that fails is skipped as a whole. */
    private static final int CHUNK = 500;
    /** Chunks in a row that may fail before the rest of a table counts as unreadable. */
    private static final int GIVE_UP_AFTER = 200;

    /**
     * What was salvaged.
     *
     * @param records usage records read and committed
     * @param costStates per-(session, model) cost-states read and committed
     * @param unreadableChunks chunks of up to {@value #CHUNK} rows that could not be read (0 when all was read)
     */
    public record Result(long records, long costStates, long unreadableChunks) {
    }

    private LedgerSalvage() {
    }

    /**
     * Copies every readable record and cost-state of {@code damaged} into {@code into}.
     *
     * @throws SQLException when the file cannot be opened as SQLite at all
     */
    public static Result salvage(Path damaged, Ledger into) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + damaged.toAbsolutePath())) {
            long[] unreadable = {0};
            long records = salvageRecords(c, into, unreadable);
            long costStates = salvageCostStates(c, into, unreadable);
            return new Result(records, costStates, unreadable[0]);
        }
    }

    private static long salvageRecords(Connection c, Ledger into, long[] unreadable) {
        String sql;
        if (hasTable(c, "contexts")) {
            sql = "SELECT " + UsageEventTable.SELECT + ", e.rowid FROM " + UsageEventTable.FROM;
        } else if (hasTable(c, "sources")) { // version 3: the record's own text inline, its source by id
            sql = "SELECT e.message_id, e.request_id, e.session_id, s.project_dir, e.cwd, e.ts, e.model, e.input,"
                    + " e.output, e.cache_write_5m, e.cache_write_1h, e.cache_read, e.total_tokens, e.speed,"
                    + " e.service_tier, e.version, e.sidechain, e.agent_id, e.stop_reason_set, s.config_root,"
                    + " s.source_file, e.source_offset, e.cost_usd, e.cost_source, e.price_version, e.change_seq,"
                    + " e.rowid FROM usage_events e JOIN sources s ON s.id = e.source_id";
        } else { // versions 1 and 2: everything inline
            sql = "SELECT message_id, request_id, session_id, project_dir, cwd, ts, model, input, output,"
                    + " cache_write_5m, cache_write_1h, cache_read, total_tokens, speed, service_tier, version,"
                    + " sidechain, agent_id, stop_reason_set, config_root, source_file, source_offset, cost_usd,"
                    + " cost_source, price_version, change_seq, rowid FROM usage_events e";
        }
        sql += " WHERE e.rowid > ? ORDER BY e.rowid LIMIT " + CHUNK;
        long maxRowid = maxRowid(c);
        long after = Long.MIN_VALUE;
        long salvaged = 0;
        int failuresInARow = 0;
        // Without a known end, a long run of unreadable chunks ends the table; with one, every chunk is tried.
        while (maxRowid != Long.MIN_VALUE || failuresInARow < GIVE_UP_AFTER) {
            List<UsageRecord> chunk = new ArrayList<>();
            long last = after;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    RowText text = new RowText(UsageEventTable.SELECTED + 1);
                    while (rs.next()) {
                        chunk.add(UsageEventTable.read(rs, text));
                        last = rs.getLong(UsageEventTable.SELECTED + 1);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                // An unreadable page: step past the chunk it sits in.
                unreadable[0]++;
                failuresInARow++;
                after = after == Long.MIN_VALUE ? 0 : after + CHUNK;
                if (maxRowid != Long.MIN_VALUE && after >= maxRowid) {
                    break;
                }
                continue;
            }
            failuresInARow = 0;
            if (chunk.isEmpty()) {
                break;
            }
            into.commit(new Ledger.IngestBatch(chunk, List.of(), List.of()));
            salvaged += chunk.size();
            after = last;
        }
        return salvaged;
    }

    private static long salvageCostStates(Connection c, Ledger into, long[] unreadable) {
        // One state per stored row: each (session, model) row keeps the file and offset it was read from.
        List<SessionCostState> states = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT session_id, model, cost_usd,"
                + " input, output, cache_write_5m, cache_write_1h, cache_read, source_file, source_offset"
                + " FROM cost_states")) {
            while (rs.next()) {
                states.add(new SessionCostState(rs.getString(1), Map.of(rs.getString(2),
                        new SessionCostState.ModelCost(rs.getDouble(3), new TokenCounts(rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))),
                        rs.getString(9), rs.getLong(10)));
            }
        } catch (SQLException | RuntimeException e) {
            unreadable[0]++; // what was read before the bad page is still committed below
        }
        if (!states.isEmpty()) {
            into.commit(new Ledger.IngestBatch(List.of(), List.of(), states));
        }
        return states.size();
    }

    private static boolean hasTable(Connection c, String name) {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** The largest rowid of usage_events, or {@code Long.MIN_VALUE} when even that cannot be read. */
    private static long maxRowid(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(rowid) FROM usage_events")) {
            return rs.next() ? rs.getLong(1) : Long.MIN_VALUE;
        } catch (SQLException e) {
            return Long.MIN_VALUE;
        }
    }
}
