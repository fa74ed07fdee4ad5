package dev.cctelemetry.app.dashboard;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.GroupDimension;
import dev.cctelemetry.core.query.GroupUsage;
import dev.cctelemetry.core.query.HourOfWeekUsage;
import dev.cctelemetry.core.query.PeriodGrouping;
import dev.cctelemetry.core.query.PeriodUsage;
import dev.cctelemetry.core.query.RequestUsage;
import dev.cctelemetry.core.query.SessionPage;
import dev.cctelemetry.core.query.SessionQuery;
import dev.cctelemetry.core.query.SyncMark;
import dev.cctelemetry.core.query.UsageBlock;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.query.UsageSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The queries a dashboard reads: a store's aggregates, asked through a {@link QueryScope}, with the sync marks
 * and change counter of where the data comes from. The change count folds the store's own counter with a stamp
 * of the sync status files, so a page also learns of a sync that committed nothing new.
 */
final class DashboardQueries implements UsageQueries {

    private final QueryScope store;
    private final Supplier<List<SyncMark>> syncs;
    private final LongSupplier stamps;

    /**
     * @param store the store's aggregates
     * @param syncs the last syncs of the machines it holds
     * @param stamps a number that moves when a sync status (or the store's files) changes
     */
    DashboardQueries(QueryScope store, Supplier<List<SyncMark>> syncs, LongSupplier stamps) {
        this.store = Objects.requireNonNull(store, "store is null");
        this.syncs = Objects.requireNonNull(syncs, "syncs is null");
        this.stamps = Objects.requireNonNull(stamps, "stamps is null");
    }

    @Override
    public UsageSummary totals(UsageFilter filter) {
        return store.ask(q -> q.totals(filter));
    }

    @Override
    public List<PeriodUsage> periods(UsageFilter filter, PeriodGrouping grouping) {
        return store.ask(q -> q.periods(filter, grouping));
    }

    @Override
    public List<GroupUsage> groups(UsageFilter filter, GroupDimension dimension) {
        return store.ask(q -> q.groups(filter, dimension));
    }

    @Override
    public List<String> groupKeys(UsageFilter filter, GroupDimension dimension) {
        return store.ask(q -> q.groupKeys(filter, dimension));
    }

    @Override
    public SessionPage sessions(UsageFilter filter, SessionQuery query) {
        return store.ask(q -> q.sessions(filter, query));
    }

    @Override
    public List<UsageBlock> blocks(UsageFilter filter, Duration length, Instant now) {
        return store.ask(q -> q.blocks(filter, length, now));
    }

    @Override
    public List<HourOfWeekUsage> hoursOfWeek(UsageFilter filter, ZoneId zone) {
        return store.ask(q -> q.hoursOfWeek(filter, zone));
    }

    @Override
    public List<RequestUsage> sessionRequests(String sessionId) {
        return store.ask(q -> q.sessionRequests(sessionId));
    }

    @Override
    public List<SyncMark> lastSyncs() {
        return syncs.get();
    }

    @Override
    public long changeCount() {
        return 31 * store.ask(UsageQueries::changeCount) + stamps.getAsLong();
    }
}
