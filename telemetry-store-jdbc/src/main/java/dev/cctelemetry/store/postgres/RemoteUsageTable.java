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
 * The shared store's {@code usage_events} (every machine's records) as the aggregate queries see it. Times are
 * {@code timestamptz}, turned into epoch milliseconds for grouping (the cast rounds, so the result is exact
 * whether {@code extract} gives numeric, PostgreSQL 14+, or double precision); costs are rounded to
 * picodollars with the same double arithmetic as {@link dev.cctelemetry.core.query.Picodollars#of}
 * (half away from zero), not PostgreSQL's {@code round}, which rounds half to even.
 */
final class RemoteUsageTable implements UsageTable {

    private static final String MILLIS = "(extract(epoch FROM e.ts) * 1000)::bigint";
    private static final String SCALED = "(e.cost_usd * 1e12::float8)";

    @Override
    public String from() {
        return "usage_events e";
    }

    @Override
    public String millis() {
        return MILLIS;
    }

    @Override
    public String timeRange() {
        return "SELECT (extract(epoch FROM (SELECT MIN(ts) FROM usage_events)) * 1000)::bigint,"
                + " (extract(epoch FROM (SELECT MAX(ts) FROM usage_events)) * 1000)::bigint";
    }

    @Override
    public String firstTime() {
        return "e.ts";
    }

    @Override
    public String lastTime() {
        return "e.ts";
    }

    @Override
    public void bindTime(PreparedStatement ps, int index, Instant t) throws SQLException {
        ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
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
        return "CASE WHEN e.speed = 'fast' THEN e.model || '-fast' ELSE e.model END";
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
        return "CASE WHEN e.input + e.output + e.cache_write_5m + e.cache_write_1h + e.cache_read > 0 THEN 1 ELSE 0"
                + " END";
    }

    @Override
    public String measures() {
        return "SUM(e.input), SUM(e.output), SUM(e.cache_write_5m), SUM(e.cache_write_1h), SUM(e.cache_read),"
                + " SUM((CASE WHEN " + SCALED + " >= 0 THEN trunc(" + SCALED + " + 0.5::float8) ELSE -trunc(-"
                + SCALED + " + 0.5::float8) END)::bigint), COUNT(*), MIN(" + MILLIS + "), MAX(" + MILLIS + ")";
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
