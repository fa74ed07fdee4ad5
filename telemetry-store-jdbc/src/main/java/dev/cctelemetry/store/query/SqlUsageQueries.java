package dev.cctelemetry.store.query;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.GroupDimension;
import dev.cctelemetry.core.query.GroupUsage;
import dev.cctelemetry.core.query.HourOfWeekUsage;
import dev.cctelemetry.core.query.PeriodGrouping;
import dev.cctelemetry.core.query.PeriodUsage;
import dev.cctelemetry.core.query.Picodollars;
import dev.cctelemetry.core.query.RequestUsage;
import dev.cctelemetry.core.query.SessionPage;
import dev.cctelemetry.core.query.SessionQuery;
import dev.cctelemetry.core.query.SyncMark;
import dev.cctelemetry.core.query.UsageBlock;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link UsageQueries} in SQL over one store: the aggregates from {@link SqlAggregates}, a session's requests by
 * the store's own statement, and the sync marks and change counter the store keeps ({@link Marks}).
 */
public final class SqlUsageQueries implements UsageQueries {

    /** What a store knows of its syncs, outside the usage rows. */
    public interface Marks {
        /** See {@link UsageQueries#lastSyncs()}. */
        List<SyncMark> lastSyncs();

        /** See {@link UsageQueries#changeCount()}. */
        long changeCount();
    }

    private final SqlRunner runner;
    private final SqlAggregates aggregates;
    private final String sessionRequestsSql;
    private final Marks marks;

    /**
     * Queries over one store.
     *
     * @param runner runs the queries
     * @param aggregates the aggregates over the store's usage rows
     * @param sessionRequestsSql one session's requests (the session id its one parameter), in time order, as
     *     columns: epoch milliseconds, model, speed, input, output, 5-minute and 1-hour cache writes, cache reads,
     *     cost in USD, cost source code, sidechain flag, agent id
     * @param marks the store's sync marks and change counter
     */
    public SqlUsageQueries(SqlRunner runner, SqlAggregates aggregates, String sessionRequestsSql, Marks marks) {
        this.runner = Objects.requireNonNull(runner, "runner is null");
        this.aggregates = Objects.requireNonNull(aggregates, "aggregates is null");
        this.sessionRequestsSql = Objects.requireNonNull(sessionRequestsSql, "sessionRequestsSql is null");
        this.marks = Objects.requireNonNull(marks, "marks is null");
    }

    @Override
    public UsageSummary totals(UsageFilter filter) {
        return aggregates.totals(filter);
    }

    @Override
    public List<PeriodUsage> periods(UsageFilter filter, PeriodGrouping grouping) {
        return aggregates.periods(filter, grouping);
    }

    @Override
    public List<GroupUsage> groups(UsageFilter filter, GroupDimension dimension) {
        return aggregates.groups(filter, dimension);
    }

    @Override
    public List<String> groupKeys(UsageFilter filter, GroupDimension dimension) {
        return aggregates.groupKeys(filter, dimension);
    }

    @Override
    public SessionPage sessions(UsageFilter filter, SessionQuery query) {
        return aggregates.sessions(filter, query);
    }

    @Override
    public List<UsageBlock> blocks(UsageFilter filter, Duration length, Instant now) {
        return aggregates.blocks(filter, length, now);
    }

    @Override
    public List<HourOfWeekUsage> hoursOfWeek(UsageFilter filter, ZoneId zone) {
        return aggregates.hoursOfWeek(filter, zone);
    }

    @Override
    public List<RequestUsage> sessionRequests(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId is null");
        List<RequestUsage> out = new ArrayList<>();
        runner.read("read a session's requests", c -> {
            try (PreparedStatement ps = c.prepareStatement(sessionRequestsSql)) {
                ps.setString(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String agent = rs.getString(12);
                        out.add(new RequestUsage(Instant.ofEpochMilli(rs.getLong(1)),
                                "fast".equals(rs.getString(3)) ? rs.getString(2) + "-fast" : rs.getString(2),
                                new TokenCounts(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                                        rs.getLong(8)),
                                Picodollars.of(rs.getDouble(9)), CostSource.ofCode(rs.getString(10)),
                                rs.getBoolean(11) || !agent.isEmpty(), agent));
                    }
                }
            }
            return null;
        });
        return out;
    }

    @Override
    public List<SyncMark> lastSyncs() {
        return marks.lastSyncs();
    }

    @Override
    public long changeCount() {
        return marks.changeCount();
    }
}
