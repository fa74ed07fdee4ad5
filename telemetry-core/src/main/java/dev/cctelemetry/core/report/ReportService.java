package dev.cctelemetry.core.report;

import dev.cctelemetry.core.port.in.ReportUseCase;
import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.GroupDimension;
import dev.cctelemetry.core.query.GroupUsage;
import dev.cctelemetry.core.query.PeriodGrouping;
import dev.cctelemetry.core.query.PeriodUsage;
import dev.cctelemetry.core.query.SessionPage;
import dev.cctelemetry.core.query.SessionQuery;
import dev.cctelemetry.core.query.UsageTally;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Builds the usage reports from the store's aggregate queries: each report is one or two queries, whatever the
 * size of the history. The clock decides only which block is active.
 */
public final class ReportService implements ReportUseCase {

    private final UsageQueries queries;
    private final Clock clock;

    /** A service over a store's queries; {@code clock} tells which block is still active. */
    public ReportService(UsageQueries queries, Clock clock) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public Report<DailyRow> daily(ReportOptions options) {
        return periods(ReportKind.DAILY, options, PeriodGrouping.days(options.zone()),
                (p, o) -> new DailyRow(p.start(), p.usage()));
    }

    @Override
    public Report<WeeklyRow> weekly(ReportOptions options) {
        return periods(ReportKind.WEEKLY, options, PeriodGrouping.weeks(options.zone(), options.weekStart()),
                (p, o) -> new WeeklyRow(p.start(), p.usage()));
    }

    @Override
    public Report<MonthlyRow> monthly(ReportOptions options) {
        return periods(ReportKind.MONTHLY, options, PeriodGrouping.months(options.zone()),
                (p, o) -> new MonthlyRow(YearMonth.from(p.start()), p.usage()));
    }

    @Override
    public Report<SessionRow> sessions(ReportOptions options) {
        SessionPage page = queries.sessions(options.filter(), SessionQuery.ALL);
        List<SessionRow> rows = page.sessions().stream().map(s -> new SessionRow(s.sessionId(), s.projectDir(),
                s.cwd(), s.firstActivity(), s.lastActivity(), s.usage())).toList();
        return new Report<>(ReportKind.SESSIONS, options, rows, page.totals());
    }

    @Override
    public Report<ProjectRow> projects(ReportOptions options) {
        List<ProjectRow> rows = queries.groups(options.filter(), GroupDimension.PROJECT).stream()
                .map(g -> new ProjectRow(g.key(), g.label(), g.usage())).toList();
        return new Report<>(ReportKind.PROJECTS, options, rows, queries.totals(options.filter()));
    }

    @Override
    public Report<ModelRow> models(ReportOptions options) {
        List<GroupUsage> groups = queries.groups(options.filter(), GroupDimension.MODEL);
        List<ModelRow> rows = groups.stream().map(g -> new ModelRow(g.key(), g.usage())).toList();
        return new Report<>(ReportKind.MODELS, options, rows, queries.totals(options.filter()));
    }

    @Override
    public Report<BlockRow> blocks(ReportOptions options) {
        List<BlockRow> rows = queries.blocks(options.filter(), options.blockLength(), clock.instant()).stream()
                .map(BlockRow::new).toList();
        UsageTally totals = new UsageTally();
        long sessions = 0;
        for (BlockRow b : rows) {
            totals.add(b.usage());
            sessions += b.usage().sessions();
        }
        return new Report<>(ReportKind.BLOCKS, options, rows, totals.summary(sessions));
    }

    private <R extends ReportRow> Report<R> periods(ReportKind kind, ReportOptions options, PeriodGrouping grouping,
            BiFunction<PeriodUsage, ReportOptions, R> row) {
        List<R> rows = queries.periods(options.filter(), grouping).stream().map(p -> row.apply(p, options)).toList();
        return new Report<>(kind, options, rows, queries.totals(options.filter()));
    }
}
