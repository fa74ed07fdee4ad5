package dev.cctelemetry.web.api;

import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.web.DashboardRoutes;
import dev.cctelemetry.web.query.DashboardQueries;
import dev.cctelemetry.web.query.HourOfWeek;
import dev.cctelemetry.web.query.Period;
import dev.cctelemetry.web.query.UsageFilter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * {@code GET /api/usage?period=day|week|month}: usage over time (stackable by model or by token kind; the page
 * chooses), the ten most expensive days, and the hour-of-day by weekday heatmap, with the period table.
 */
public final class UsageApi implements DashboardRoutes {

    private static final int TOP_DAYS = 10;

    private final DashboardQueries queries;
    private final FilterParams params;

    /**
     * @param queries the store
     * @param params reads the filter
     */
    public UsageApi(DashboardQueries queries, FilterParams params) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.params = Objects.requireNonNull(params, "params is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/usage", this::usage);
    }

    private void usage(Context ctx) {
        UsageFilter filter = params.parse(ctx);
        Period period = period(ctx.queryParam("period"));
        PeriodSeries series = PeriodSeries.of(queries.byPeriod(filter, period), period);
        PeriodSeries days = period == Period.DAY ? series
                : PeriodSeries.of(queries.byPeriod(filter, Period.DAY), Period.DAY);
        List<TopDay> top = IntStream.range(0, days.labels().size())
                .mapToObj(i -> new TopDay(days.labels().get(i), days.totals().get(i).cost(),
                        ReportFigures.money(days.totals().get(i).cost()), days.totals().get(i).tokens().total(),
                        ReportFigures.count(days.totals().get(i).tokens().total())))
                .filter(d -> d.cost() > 0)
                .sorted(Comparator.comparingDouble(TopDay::cost).reversed().thenComparing(TopDay::date))
                .limit(TOP_DAYS).toList();
        List<Cell> heat = queries.hourOfWeek(filter).stream().map(UsageApi::cell).toList();
        String name = "usage-" + period.name().toLowerCase(Locale.ROOT);
        ApiResponses.send(ctx, new Usage(series, top, heat, series.table(name, filter)),
                () -> series.table(name, filter));
    }

    private static Cell cell(HourOfWeek h) {
        return new Cell(h.day().getValue(), h.hour(), h.usage().cost(), ReportFigures.money(h.usage().cost()),
                h.usage().tokens().total(), h.usage().requests());
    }

    private static Period period(String value) {
        if (value == null || value.isEmpty()) {
            return Period.DAY;
        }
        try {
            return Period.valueOf(value.toUpperCase(Locale.ROOT));
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
