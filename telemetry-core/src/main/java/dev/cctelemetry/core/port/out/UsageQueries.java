package dev.cctelemetry.core.port.out;

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

/**
 * Aggregate questions about usage, answered by the store that holds the records: the local ledger (this machine)
 * or the shared PostgreSQL store (every machine). Every report, dashboard view, MCP tool and status line reads
 * through this port, so their figures agree.
 *
 * <p>Contract every adapter keeps:
 * <ul>
 *   <li>Only <em>requests</em> count: records with at least one token ({@code <synthetic>} placeholders carry
 *       none). A <em>session</em> is a session id with at least one request. A row with no request is never
 *       returned; no method returns null; nothing matching gives an empty list or {@link UsageSummary#EMPTY}.</li>
 *   <li>Costs are summed in picodollars ({@link dev.cctelemetry.core.query.Picodollars}): a total equals the sum
 *       of its rows exactly, whatever the grouping.</li>
 *   <li>A filter's time range is half-open ({@code from <= t < until}); its machines, projects, models and
 *       session narrow further ({@link UsageFilter}). Grouping by calendar uses the zone given with the grouping,
 *       exactly, in every zone (offsets of 30 or 45 minutes included).</li>
 *   <li>Answers reflect committed data only; a query never blocks a sync (readers run beside the writer).</li>
 *   <li>Failures surface as unchecked exceptions with a one-line message ({@link java.io.UncheckedIOException}
 *       for the ledger, {@link RemoteStoreException} for the shared store).</li>
 * </ul>
 */
public interface UsageQueries {

    /** What the selected requests add up to. */
    UsageSummary totals(UsageFilter filter);

    /**
     * Usage per calendar period (day, week or month in the grouping's zone), oldest first. Each row's
     * {@link UsageSummary#breakdowns()} is ccusage's {@code --breakdown}: every model under the period.
     */
    List<PeriodUsage> periods(UsageFilter filter, PeriodGrouping grouping);

    /** Usage per project, model or machine, most expensive first, then by key. */
    List<GroupUsage> groups(UsageFilter filter, GroupDimension dimension);

    /**
     * The keys of {@link #groups} (each project, model or machine id with a request the filter selects), in no
     * particular order, without their sums: a store may list them more cheaply than it sums them.
     */
    default List<String> groupKeys(UsageFilter filter, GroupDimension dimension) {
        return groups(filter, dimension).stream().map(GroupUsage::key).toList();
    }

    /**
     * Sessions, sorted and paged. The filter's time range selects sessions by their <em>last</em> activity, and a
     * selected session counts all its requests (earlier ones too), as ccusage's session report does; machines,
     * projects, models and session narrow the requests counted, and a session left with none is not listed.
     */
    SessionPage sessions(UsageFilter filter, SessionQuery query);

    /**
     * ccusage's billing blocks, oldest first, with the gaps between them: a block starts at the UTC hour of its
     * first record and takes every later record until one lies more than {@code length} after the block's start
     * or after the previous record. Boundaries come from all the records that the filter's machines, projects,
     * models and session select, at any time, zero-token records included (as in ccusage: they move boundaries,
     * though they are not requests); a block without a request is left out and a gap then spans it. The time
     * range selects blocks by their start.
     *
     * @param length block length (ccusage's 5 hours unless configured); positive
     * @param now the time that decides which block is still active, and its burn rate and projection
     */
    List<UsageBlock> blocks(UsageFilter filter, Duration length, Instant now);

    /**
     * Usage per local hour of the week in {@code zone} (a heatmap), by weekday from Monday then hour; hours
     * without requests are left out.
     */
    List<HourOfWeekUsage> hoursOfWeek(UsageFilter filter, ZoneId zone);

    /**
     * One session's requests in time order (then by where they were read), for its timeline. Empty when the
     * session is unknown.
     */
    List<RequestUsage> sessionRequests(String sessionId);

    /**
     * The latest sync of each machine by each trigger (hook, daemon, manual) and each machine's latest push, by
     * machine name then trigger. Empty when nothing was recorded.
     */
    List<SyncMark> lastSyncs();

    /**
     * A number that changes whenever a commit changes what these queries return (records, sync marks): read it
     * every second or so and query again when it moved. Cheap (a single row); no meaning beyond "changed".
     */
    long changeCount();
}
