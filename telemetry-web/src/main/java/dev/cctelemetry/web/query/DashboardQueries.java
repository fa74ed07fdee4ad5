package dev.cctelemetry.web.query;

import dev.cctelemetry.core.report.BlockRow;
import java.util.List;
import java.util.Optional;

/**
 * The aggregates the dashboard shows, answered by the store (the local ledger, or the shared PostgreSQL for
 * every machine). Every method is read-only, never returns null, and returns empty lists or zeros when nothing
 * matches. Figures must equal what {@code report --json} prints for the same filter.
 *
 * <p>Interim port of the dashboard, to be replaced by core's aggregate query port.
 */
public interface DashboardQueries {

    /** Usage of everything the filter keeps. */
    UsageFigures totals(UsageFilter filter);

    /** Usage per period and model, oldest first, only periods with records. */
    List<PeriodUsage> byPeriod(UsageFilter filter, Period period);

    /** Usage per project, model or machine, most expensive first. */
    List<GroupUsage> byGroup(UsageFilter filter, Grouping grouping);

    /** Usage per weekday and hour of the filter's zone, only cells with records. */
    List<HourOfWeek> hourOfWeek(UsageFilter filter);

    /**
     * One page of sessions whose last activity falls in the filter's dates (a session counts all its records,
     * as {@code report sessions} does), in the given order.
     */
    SessionPage sessions(UsageFilter filter, SessionSort sort, int offset, int limit);

    /** One session by id, if it has records. */
    Optional<SessionSummary> session(String sessionId);

    /** A session's API responses, oldest first; empty for an unknown session. */
    List<RequestPoint> requests(String sessionId);

    /** The 5-hour blocks (with gaps) whose start falls in the filter's dates, oldest first, as report blocks. */
    List<BlockRow> blocks(UsageFilter filter);

    /** The latest sync of each machine and trigger. */
    List<LastSync> lastSyncs();

    /** What the filter menus offer. */
    FilterChoices choices();

    /**
     * A number that changes whenever a commit changed the data (any process): cheap enough to ask several
     * times a second.
     */
    long changeCounter();
}
