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

    private final SqlRunner runner;

    private PostgresUsageQueries(SqlRunner runner) {
        this.runner = runner;
    }

    /** The queries, run by {@code runner}. */
    static UsageQueries over(SqlRunner runner) {
        PostgresUsageQueries store = new PostgresUsageQueries(runner);
        return new SqlUsageQueries(runner, new SqlAggregates(runner, new RemoteUsageTable(), Optional.empty(), Optional.empty(),
                store::machineName),
                "SELECT (extract(epoch FROM ts) * 1000)::bigint, model, speed, input, output, cache_write_5m,"
                        + " cache_write_1h, cache_read, cost_usd, cost_source, sidechain, agent_id FROM usage_events"
                        + " WHERE session_id = ? AND input + output + cache_write_5m + cache_write_1h + cache_read > 0"
                        + " ORDER BY ts, source_file COLLATE \"C\", source_offset", store);
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
