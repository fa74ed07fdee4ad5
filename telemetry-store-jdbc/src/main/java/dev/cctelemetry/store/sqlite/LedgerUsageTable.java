package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.store.query.UsageTable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The ledger's {@code usage_events} (with its {@code sources} and {@code contexts}) as the aggregate queries see
 * it: one machine's records, times in epoch milliseconds, costs rounded to picodollars as
 * {@link dev.cctelemetry.core.query.Picodollars#of} rounds them.
 */
final class LedgerUsageTable implements UsageTable {

    private final String machineId;
    private final String machineName;

    LedgerUsageTable(String machineId, String machineName) {
        this.machineId = machineId;
        this.machineName = machineName;
    }

    @Override
    public String from() {
        return UsageEventTable.FROM;
    }

    @Override
    public String millis() {
        return "e.ts";
    }

    @Override
    public String timeRange() {
        return "SELECT MIN(ts), MAX(ts) FROM usage_events";
    }

    @Override
    public String timeColumn() {
        return "e.ts";
    }

    @Override
    public void bindTime(PreparedStatement ps, int index, Instant t) throws SQLException {
        ps.setLong(index, t.toEpochMilli());
    }

    @Override
    public String machine() {
        return literal(machineId);
    }

    @Override
    public String session() {
        return "c.session_id";
    }

    @Override
    public String label() {
        return "CASE WHEN c.speed = 'fast' THEN c.model || '-fast' ELSE c.model END";
    }

    @Override
    public String costSource() {
        return "e.cost_source";
    }

    @Override
    public String project() {
        return "s.project_dir";
    }

    @Override
    public String cwd() {
        return "c.cwd";
    }

    @Override
    public String request() {
        return "(e.total_tokens > 0)";
    }

    @Override
    public String measures() {
        return "SUM(e.input), SUM(e.output), SUM(e.cache_write_5m), SUM(e.cache_write_1h), SUM(e.cache_read),"
                + " SUM(CAST(round(e.cost_usd * 1e12) AS INTEGER)), COUNT(*), MIN(e.ts), MAX(e.ts)";
    }

    /** Every record is this machine's: the condition holds for all or for none. */
    @Override
    public Condition machineCondition(Set<String> machines) {
        return new Condition(machines.contains(machineId) || machines.contains(machineName) ? "1 = 1" : "1 = 0",
                List.of());
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
