package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.store.query.QuarterSlots;
import dev.cctelemetry.store.query.UsageTable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The ledger's usage as the aggregate queries see it, one machine's: either its records ({@code usage_events}
 * with its {@code sources} and {@code contexts}) or their quarter-hour sums ({@code usage_quarters},
 * {@link UsageQuarters}). Times are epoch milliseconds; costs are rounded to picodollars as
 * {@link dev.cctelemetry.core.query.Picodollars#of} rounds them.
 */
final class LedgerUsageTable implements UsageTable {

    private final String machineId;
    private final String machineName;
    private final String from;
    private final String millis;
    private final String firstTime;
    private final String lastTime;
    private final String request;
    private final String measures;
    private final String timeRange;

    private LedgerUsageTable(String machineId, String machineName, String from, String millis, String firstTime,
            String lastTime, String request, String measures, String timeRange) {
        this.machineId = machineId;
        this.machineName = machineName;
        this.from = from;
        this.millis = millis;
        this.firstTime = firstTime;
        this.lastTime = lastTime;
        this.request = request;
        this.measures = measures;
        this.timeRange = timeRange;
    }

    /** Every record, one by one. */
    static LedgerUsageTable records(String machineId, String machineName) {
        return new LedgerUsageTable(machineId, machineName, UsageEventTable.FROM, "e.ts", "e.ts", "e.ts",
                "(e.total_tokens > 0)",
                "SUM(e.input), SUM(e.output), SUM(e.cache_write_5m), SUM(e.cache_write_1h), SUM(e.cache_read),"
                        + " SUM(CAST(round(e.cost_usd * 1e12) AS INTEGER)), COUNT(*), MIN(e.ts), MAX(e.ts)",
                // Each a single MIN or MAX, which the index on time answers at once.
                "SELECT (SELECT MIN(ts) FROM usage_events), (SELECT MAX(ts) FROM usage_events)");
    }

    /**
     * The records' quarter-hour sums. A row's first time stands for its slot's (every record of a slot has the
     * same slot, local date and hour); the time range is widened to whole quarters around the first and last slot.
     */
    static LedgerUsageTable quarters(String machineId, String machineName) {
        return new LedgerUsageTable(machineId, machineName,
                "usage_quarters e JOIN sources s ON s.id = e.source_id JOIN contexts c ON c.id = e.context_id",
                "e.first_ts", "e.first_ts", "e.last_ts", "e.request",
                "SUM(e.input), SUM(e.output), SUM(e.cache_write_5m), SUM(e.cache_write_1h), SUM(e.cache_read),"
                        + " SUM(e.picos), SUM(e.records), MIN(e.first_ts), MAX(e.last_ts)",
                "SELECT (SELECT MIN(slot) FROM usage_quarters) / 2 * " + QuarterSlots.QUARTER + " - "
                        + QuarterSlots.QUARTER + ", ((SELECT MAX(slot) FROM usage_quarters) / 2 + 1) * "
                        + QuarterSlots.QUARTER);
    }

    @Override
    public String from() {
        return from;
    }

    @Override
    public String millis() {
        return millis;
    }

    @Override
    public String timeRange() {
        return timeRange;
    }

    @Override
    public String firstTime() {
        return firstTime;
    }

    @Override
    public String lastTime() {
        return lastTime;
    }

    @Override
    public void bindTime(PreparedStatement ps, int index, Instant t) throws SQLException {
        ps.setLong(index, t.toEpochMilli());
    }

    @Override
    public String machine() {
        return "'" + machineId.replace("'", "''") + "'";
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
        return request;
    }

    @Override
    public String measures() {
        return measures;
    }

    /** Every record is this machine's: the condition holds for all or for none. */
    @Override
    public Condition machineCondition(Set<String> machines) {
        return new Condition(machines.contains(machineId) || machines.contains(machineName) ? "1 = 1" : "1 = 0",
                List.of());
    }
}
