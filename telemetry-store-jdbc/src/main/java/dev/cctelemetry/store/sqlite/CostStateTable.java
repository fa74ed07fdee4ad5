package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.SessionCostState;
import dev.cctelemetry.core.usage.TokenCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code cost_states} table: Claude Code's own per-model cost of each session, and its spread over the
 * session's records of models the price table does not know. Runs inside the ledger's transaction.
 */
final class CostStateTable {

    private final Connection conn;

    CostStateTable(Connection conn) {
        this.conn = conn;
    }

    /** Stores the latest cost-state line per (session, model). */
    void save(List<SessionCostState> states) throws SQLException {
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
            for (SessionCostState cs : states) {
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
    void spread(Set<String> sessions, long seq) throws SQLException {
        if (sessions.isEmpty()) {
            return;
        }
        String unpriced = CostSource.UNPRICED.code();
        String fromState = CostSource.COST_STATE.code();
        try (PreparedStatement find = conn.prepareStatement("SELECT cs.model, cs.cost_usd,"
                + " (SELECT SUM(e.total_tokens) FROM usage_events e WHERE e.context_id IN (SELECT id FROM contexts"
                + "  WHERE session_id = cs.session_id AND model = cs.model) AND e.cost_source IN (?, ?))"
                + " FROM cost_states cs WHERE cs.session_id = ?");
                PreparedStatement spread = conn.prepareStatement("UPDATE usage_events SET cost_source = ?,"
                        + " cost_usd = ? * total_tokens / ?, change_seq = ? WHERE context_id IN (SELECT id FROM"
                        + " contexts WHERE session_id = ? AND model = ?) AND cost_source IN (?, ?)")) {
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
}
