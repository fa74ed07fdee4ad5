package dev.cctelemetry.web.testing;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.port.out.UsageRecordSource;
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
import dev.cctelemetry.core.report.RecordStreamQueries;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The query port over a test's ledger: core's reference implementation for the aggregates, with the sync marks
 * and change counter the test keeps (a record stream knows neither).
 */
final class FixtureQueries implements UsageQueries {

    private final UsageQueries records;
    private final Supplier<List<SyncMark>> syncs;
    private final LongSupplier changes;

    FixtureQueries(UsageRecordSource source, String machineId, String machineName, Supplier<List<SyncMark>> syncs,
            LongSupplier changes) {
        this.records = new RecordStreamQueries(source, machineId, machineName);
        this.syncs = syncs;
        this.changes = changes;
    }

    @Override
    public UsageSummary totals(UsageFilter filter) {
        return records.totals(filter);
    }

    @Override
    public List<PeriodUsage> periods(UsageFilter filter, PeriodGrouping grouping) {
        return records.periods(filter, grouping);
    }

    @Override
    public List<GroupUsage> groups(UsageFilter filter, GroupDimension dimension) {
        return records.groups(filter, dimension);
    }

    @Override
    public SessionPage sessions(UsageFilter filter, SessionQuery query) {
        return records.sessions(filter, query);
    }

    @Override
    public List<UsageBlock> blocks(UsageFilter filter, Duration length, Instant now) {
        return records.blocks(filter, length, now);
    }

    @Override
    public List<HourOfWeekUsage> hoursOfWeek(UsageFilter filter, ZoneId zone) {
        return records.hoursOfWeek(filter, zone);
    }

    @Override
    public List<RequestUsage> sessionRequests(String sessionId) {
        return records.sessionRequests(sessionId);
    }

    @Override
    public List<SyncMark> lastSyncs() {
        return syncs.get();
    }

    @Override
    public long changeCount() {
        return changes.getAsLong();
    }
}
