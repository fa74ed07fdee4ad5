package dev.cctelemetry.web.api;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.HourOfWeekUsage;
import dev.cctelemetry.core.query.PeriodGrouping;
import dev.cctelemetry.core.query.PeriodUnit;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.web.DashboardRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * {@code GET /api/usage?period=day|week|month}: usage over time (stackable by model or by token kind; the page
 * chooses), the ten most expensive days, and the hour-of-day by weekday heatmap, with the period table. Weeks
 * start on Sunday, as {@code report weekly}'s do by default.
 */
public final class UsageApi implements DashboardRoutes {

    /** The first day of a week, as in {@code report weekly} without {@code --start-of-week}. */
    static final DayOfWeek WEEK_START = DayOfWeek.SUNDAY;

    private static final int TOP_DAYS = 10;

    private final UsageQueries queries;
    private final FilterParams params;

    /**
     * @param queries the store
     * @param params reads the filter
     */
    public UsageApi(UsageQueries queries, FilterParams params) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.params = Objects.requireNonNull(params, "params is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/usage", this::usage);
    }

    /** How the port groups {@code unit} in {@code zone}. */
    static PeriodGrouping grouping(PeriodUnit unit, ZoneId zone) {
        return new PeriodGrouping(unit, zone, WEEK_START);
    }

    private void usage(Context ctx) {
        ViewFilter filter = params.parse(ctx);
        PeriodUnit period = period(ctx.queryParam("period"));
        PeriodSeries series = PeriodSeries.of(queries.periods(filter.query(), grouping(period, filter.zone())),
                period);
        PeriodSeries days = period == PeriodUnit.DAY ? series
                : PeriodSeries.of(queries.periods(filter.query(), PeriodGrouping.days(filter.zone())), PeriodUnit.DAY);
        List<TopDay> top = IntStream.range(0, days.labels().size())
                .mapToObj(i -> topDay(days.labels().get(i), days.totals().get(i)))
                .filter(d -> d.cost() > 0)
                .sorted(Comparator.comparingDouble(TopDay::cost).reversed().thenComparing(TopDay::date))
                .limit(TOP_DAYS).toList();
        List<Cell> heat = queries.hoursOfWeek(filter.query(), filter.zone()).stream().map(UsageApi::cell).toList();
        ViewTable table = series.table("usage-" + period.name().toLowerCase(Locale.ROOT));
        ApiResponses.send(ctx, new Usage(series, top, heat, table), () -> table);
    }

    private static TopDay topDay(String date, UsageSummary u) {
        return new TopDay(date, u.cost(), ReportFigures.money(u.cost()), u.totalTokens(),
                ReportFigures.count(u.totalTokens()));
    }

    private static Cell cell(HourOfWeekUsage h) {
        return new Cell(h.weekday().getValue(), h.hour(), h.usage().cost(), ReportFigures.money(h.usage().cost()),
                h.usage().totalTokens(), h.usage().requests());
    }

    private static PeriodUnit period(String value) {
        if (value == null || value.isEmpty()) {
            return PeriodUnit.DAY;
        }
        try {
            return PeriodUnit.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("period '" + value + "' is not one of day, week, month");
        }
    }

    /** The Usage document. */
    record Usage(PeriodSeries series, List<TopDay> topDays, List<Cell> heatmap, ViewTable table) {
    }

    /** One of the most expensive days. */
    record TopDay(String date, double cost, String costText, long tokens, String tokensText) {
    }

    /**
     * One heatmap cell.
     *
     * @param weekday ISO weekday, 1 (Monday) to 7 (Sunday)
     * @param hour 0 to 23
     */
    record Cell(int weekday, int hour, double cost, String costText, long tokens, long requests) {
    }
}
