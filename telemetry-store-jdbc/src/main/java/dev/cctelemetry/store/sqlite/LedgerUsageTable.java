package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.store.query.UsageTable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The ledger's usage as the aggregate queries see it, one machine's: its records ({@code usage_events} with its
 * {@code sources} and {@code contexts}), their sums per session and hour ({@code usage_hours}, {@link UsageHours})
 * or their requests' sums per session ({@code usage_sessions}, {@link UsageSessions}). Times are epoch milliseconds; costs are rounded to picodollars as
 * {@link dev.cctelemetry.core.query.Picodollars#of} rounds them.
 */
final class LedgerUsageTable implements UsageTable {

    /** Both tables' time range: the first and last record's time, which the index on time gives at once. */
    private static final String TIME_RANGE =
            "SELECT (SELECT MIN(ts) FROM usage_events), (SELECT MAX(ts) FROM usage_events)";

    private final String machineId;
    private final String machineName;
    private final String from;
    private final Columns columns;

    /** The SQL expressions of one table's columns. */
    private record Columns(String millis, String firstTime, String lastTime, String session, String label,
            String project, String cwd, String request, String measures) {
    }

    private LedgerUsageTable(String machineId, String machineName, String from, Columns columns) {
        this.machineId = machineId;
        this.machineName = machineName;
        this.from = from;
        this.columns = columns;
    }

    /** Every record, one by one. */
    static LedgerUsageTable records(String machineId, String machineName) {
        return new LedgerUsageTable(machineId, machineName, UsageEventTable.FROM, new Columns("e.ts", "e.ts",
                "e.ts", "c.session_id", "CASE WHEN c.speed = 'fast' THEN c.model || '-fast' ELSE c.model END",
                "s.project_dir", "c.cwd", "(e.total_tokens > 0)",
                "SUM(e.input), SUM(e.output), SUM(e.cache_write_5m), SUM(e.cache_write_1h), SUM(e.cache_read),"
                        + " SUM(CAST(round(e.cost_usd * 1e12) AS INTEGER)), COUNT(*), MIN(e.ts), MAX(e.ts)"));
    }

    /**
     * The records' sums per session and hour slot. A row's first time stands for its slot's (every record of a
     * slot has the same slot, local date and hour in a zone of whole-hour offsets).
     */
    static LedgerUsageTable hours(String machineId, String machineName) {
        return new LedgerUsageTable(machineId, machineName, "usage_hours e", new Columns("e.first_ts",
                "e.first_ts", "e.last_ts", "e.session_id", "e.label", "e.project", "e.cwd", "e.request",
                "SUM(e.input), SUM(e.output), SUM(e.cache_write_5m), SUM(e.cache_write_1h), SUM(e.cache_read),"
                        + " SUM(e.picos), SUM(e.records), MIN(e.first_ts), MAX(e.last_ts)"));
    }

    /**
     * The requests' sums per session, model label, cost source, project folder and working directory
     * ({@code usage_sessions}, {@link UsageSessions}): whole sessions, so only for queries that select sessions as
     * a whole (by their last activity), never by a time range on the rows.
     */
    static LedgerUsageTable sessions(String machineId, String machineName) {
        return new LedgerUsageTable(machineId, machineName, "usage_sessions e", new Columns("e.last_ts",
                "e.first_ts", "e.last_ts", "e.session_id", "e.label", "e.project", "e.cwd", "1",
                "SUM(e.input), SUM(e.output), SUM(e.cache_write_5m), SUM(e.cache_write_1h), SUM(e.cache_read),"
                        + " SUM(e.picos), SUM(e.records), MIN(e.first_ts), MAX(e.last_ts)"));
    }

    /**
     * The records' sums per model label, cost source and hour slot ({@link UsageSlots}): no session, project or
     * working directory, which the queries must not ask of it.
     */
    static LedgerUsageTable slots(String machineId, String machineName) {
        return new LedgerUsageTable(machineId, machineName, "usage_slots e", new Columns("e.first_ts",
                "e.first_ts", "e.last_ts", null, "e.label", null, null, "e.request",
                "SUM(e.input), SUM(e.output), SUM(e.cache_write_5m), SUM(e.cache_write_1h), SUM(e.cache_read),"
                        + " SUM(e.picos), SUM(e.records), MIN(e.first_ts), MAX(e.last_ts)"));
    }

    @Override
    public String from() {
        return from;
    }

    @Override
    public String millis() {
        return columns.millis();
    }

    @Override
    public String timeRange() {
        return TIME_RANGE;
    }

    @Override
    public String firstTime() {
        return columns.firstTime();
    }

    @Override
    public String lastTime() {
        return columns.lastTime();
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
        return held(columns.session(), "session");
    }

    @Override
    public String label() {
        return columns.label();
    }

    @Override
    public String costSource() {
        return "e.cost_source";
    }

    @Override
    public String project() {
        return held(columns.project(), "project");
    }

    @Override
    public String cwd() {
        return held(columns.cwd(), "cwd");
    }

    @Override
    public String request() {
        return columns.request();
    }

    @Override
    public String measures() {
        return columns.measures();
    }

    private String held(String column, String what) {
        if (column == null) {
            throw new IllegalStateException(from + " holds no " + what);
        }
        return column;
    }

    /** Every record is this machine's: the condition holds for all or for none. */
    @Override
    public Condition machineCondition(Set<String> machines) {
        return new Condition(machines.contains(machineId) || machines.contains(machineName) ? "1 = 1" : "1 = 0",
                List.of());
    }
}
