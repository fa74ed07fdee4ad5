package dev.cctelemetry.store.postgres;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.SyncMark;
import dev.cctelemetry.core.query.SyncTrigger;
import dev.cctelemetry.store.query.SqlAggregates;
import dev.cctelemetry.store.query.SqlRunner;
import dev.cctelemetry.store.query.SqlUsageQueries;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link UsageQueries} over the shared store: every machine's records, aggregated by PostgreSQL, on the
 * {@link PostgresUsageSink}'s connection ({@link PostgresUsageSink#queries()}), each query in a read transaction
 * of its own; failures are {@link dev.cctelemetry.core.port.out.RemoteStoreException}s. The store's marks are
 * its machines' last pushes.
 */
final class PostgresUsageQueries implements SqlUsageQueries.Marks {

    /**
     * One session's requests, found through the summary: its machines and time span there (a millisecond wider each
     * way: the summary's times are rounded to milliseconds), then the records in it through the index on machine and
     * time, instead of reading every record of the store for the session id.
     */
    private static final String SESSION_REQUESTS = "WITH s AS (SELECT machine_id, MIN(session_id) AS id,"
            + " MIN(first_ts) - 1 AS first_ms, MAX(last_ts) + 1 AS last_ms FROM usage_hours WHERE session_id = ?"
            + " GROUP BY machine_id)"
            + " SELECT (extract(epoch FROM e.ts) * 1000)::bigint, e.model, e.speed, e.input, e.output,"
            + " e.cache_write_5m, e.cache_write_1h, e.cache_read, e.cost_usd, e.cost_source, e.sidechain, e.agent_id"
            + " FROM s JOIN usage_events e ON e.machine_id = s.machine_id AND e.session_id = s.id"
            + " AND e.ts >= timestamptz 'epoch' + s.first_ms * interval '1 millisecond'"
            + " AND e.ts <= timestamptz 'epoch' + s.last_ms * interval '1 millisecond'"
            + " WHERE e.input + e.output + e.cache_write_5m + e.cache_write_1h + e.cache_read > 0"
            + " ORDER BY e.ts, e.source_file COLLATE \"C\", e.source_offset";

    private final SqlRunner runner;

    private PostgresUsageQueries(SqlRunner runner) {
        this.runner = runner;
    }

    /** The queries, run by {@code runner}. */
    static UsageQueries over(SqlRunner runner) {
        PostgresUsageQueries store = new PostgresUsageQueries(runner);
        return new SqlUsageQueries(runner, new SqlAggregates(runner, RemoteUsageTable.records(),
                Optional.of(RemoteUsageTable.hours()), Optional.of(RemoteUsageTable.sessions()), Optional.empty(),
                store::machineName),
                SESSION_REQUESTS, store);
    }

    /** Each machine's latest push (the store knows of no other runs). */
    @Override
    public List<SyncMark> lastSyncs() {
        return runner.read("read the machines' last pushes", c -> {
            List<SyncMark> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT machine_id, name, last_push FROM machines ORDER BY name, machine_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SyncMark(rs.getString(1), rs.getString(2), SyncTrigger.PUSH,
                            Optional.of(rs.getObject(3, OffsetDateTime.class).toInstant()), Optional.empty(), ""));
                }
            }
            return out;
        });
    }

    /** Moves with every push: each push stamps its machine's last push time (in microseconds). */
    @Override
    public long changeCount() {
        return runner.read("read the change counter", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) + coalesce(sum((extract(epoch FROM"
                    + " last_push) * 1000000)::bigint), 0) FROM machines"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private String machineName(String machineId) {
        Map<String, String> names = runner.read("read machine names", c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT machine_id, name FROM machines");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
        return names.getOrDefault(machineId, "");
    }
}
