package dev.cctelemetry.store.postgres;

import dev.cctelemetry.store.query.UsageTable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The shared store's usage as the aggregate queries see it, every machine's: either its records
 * ({@code usage_events}) or their sums per machine, session and hour slot ({@code usage_hours},
 * {@link RemoteUsageHours}). Record times are {@code timestamptz}, turned into epoch milliseconds for grouping (the
 * cast rounds, so the result is exact whether {@code extract} gives numeric, PostgreSQL 14+, or double precision);
 * the summary keeps epoch milliseconds. Costs are rounded to picodollars with the same double arithmetic as
 * {@link dev.cctelemetry.core.query.Picodollars#of} (half away from zero), not PostgreSQL's {@code round}, which
 * rounds half to even.
 */
final class RemoteUsageTable implements UsageTable {

    /** A record's time in epoch milliseconds. */
    static final String MILLIS = "(extract(epoch FROM e.ts) * 1000)::bigint";
    private static final String SCALED = "(e.cost_usd * 1e12::float8)";
    /** A record's cost in picodollars. */
    static final String PICOS = "(CASE WHEN " + SCALED + " >= 0 THEN trunc(" + SCALED + " + 0.5::float8)"
            + " ELSE -trunc(-" + SCALED + " + 0.5::float8) END)::bigint";
    /** Both tables' time range: the first and last record's time, which the index on time gives at once. */
    private static final String TIME_RANGE = "SELECT (extract(epoch FROM (SELECT MIN(ts) FROM usage_events)) * 1000)"
            + "::bigint, (extract(epoch FROM (SELECT MAX(ts) FROM usage_events)) * 1000)::bigint";

    /** The measures of a pre-summed table. */
    private static final String HOURS_MEASURES = "SUM(e.input), SUM(e.output), SUM(e.cache_write_5m),"
            + " SUM(e.cache_write_1h), SUM(e.cache_read), SUM(e.picos), SUM(e.records), MIN(e.first_ts), MAX(e.last_ts)";

    private final String from;
    private final Columns columns;
    private final boolean timestamps;

    /** The SQL expressions of one table's columns. */
    private record Columns(String millis, String firstTime, String lastTime, String label, String request,
            String measures) {
    }

    private RemoteUsageTable(String from, Columns columns, boolean timestamps) {
        this.from = from;
        this.columns = columns;
        this.timestamps = timestamps;
    }

    /** Every record, one by one. */
    static RemoteUsageTable records() {
        return new RemoteUsageTable("usage_events e", new Columns(MILLIS, "e.ts", "e.ts",
                "CASE WHEN e.speed = 'fast' THEN e.model || '-fast' ELSE e.model END",
                "CASE WHEN e.input + e.output + e.cache_write_5m + e.cache_write_1h + e.cache_read > 0 THEN 1 ELSE 0"
                        + " END",
                "SUM(e.input), SUM(e.output), SUM(e.cache_write_5m), SUM(e.cache_write_1h), SUM(e.cache_read),"
                        + " SUM(" + PICOS + "), COUNT(*), MIN(" + MILLIS + "), MAX(" + MILLIS + ")"), true);
    }

    /**
     * The records' sums per machine, session and hour slot. A row's first time stands for its slot's (every record
     * of a slot has the same slot, local date and hour in a zone of whole-hour offsets).
     */
    static RemoteUsageTable hours() {
        return new RemoteUsageTable("usage_hours e", new Columns("e.first_ts", "e.first_ts", "e.last_ts", "e.label",
                "e.request", HOURS_MEASURES), false);
    }

    /**
     * The requests' sums per machine, session, model label, project folder, working directory and cost source
     * ({@code usage_sessions}): whole sessions, so only for queries that select sessions as a whole (by their last
     * activity), never by a time range on the rows.
     */
    static RemoteUsageTable sessions() {
        return new RemoteUsageTable("usage_sessions e", new Columns("e.last_ts", "e.first_ts", "e.last_ts", "e.label",
                "1", HOURS_MEASURES), false);
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
        if (timestamps) {
            ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        } else {
            ps.setLong(index, t.toEpochMilli());
        }
    }

    @Override
    public String machine() {
        return "e.machine_id";
    }

    @Override
    public String session() {
        return "e.session_id";
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
        return "e.project_dir";
    }

    @Override
    public String cwd() {
        return "e.cwd";
    }

    @Override
    public String request() {
        return columns.request();
    }

    @Override
    public String measures() {
        return columns.measures();
    }

    @Override
    public Condition machineCondition(Set<String> machines) {
        String marks = String.join(", ", Collections.nCopies(machines.size(), "?"));
        List<Object> params = new ArrayList<>(machines);
        params.addAll(machines);
        return new Condition("e.machine_id IN (" + marks + ") OR e.machine_id IN (SELECT machine_id FROM machines"
                + " WHERE name IN (" + marks + "))", params);
    }
}
