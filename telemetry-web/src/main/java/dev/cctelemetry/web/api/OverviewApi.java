package dev.cctelemetry.web.api;

import dev.cctelemetry.core.report.BlockRow;
import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.web.DashboardRoutes;
import dev.cctelemetry.web.query.DashboardQueries;
import dev.cctelemetry.web.query.Period;
import dev.cctelemetry.web.query.UsageFigures;
import dev.cctelemetry.web.query.UsageFilter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /api/overview}: the Overview's cards (cost and tokens today, this week and this month; the active
 * 5-hour block with burn rate and projection; the cache-read share; each machine's last sync per trigger) and
 * the cost per day by model over the filter's dates, with the daily table. The period cards follow the machine,
 * project and model filters but not the date range (they name their own dates). Cards are a list of
 * {@code {"id": ..., ...}} objects so that features add cards without changing the page's layout code.
 */
public final class OverviewApi implements DashboardRoutes {

    private final DashboardQueries queries;
    private final FilterParams params;
    private final LastSyncCard syncs;
    private final List<OverviewCard> extraCards;

    /**
     * @param queries the store
     * @param params reads the filter
     * @param syncs the last-sync card
     * @param extraCards cards other features add (limits, budgets), after the built-in ones
     */
    public OverviewApi(DashboardQueries queries, FilterParams params, LastSyncCard syncs,
            List<OverviewCard> extraCards) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.params = Objects.requireNonNull(params, "params is null");
        this.syncs = Objects.requireNonNull(syncs, "syncs is null");
        this.extraCards = List.copyOf(extraCards);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/overview", this::overview);
    }

    private void overview(Context ctx) {
        UsageFilter filter = params.parse(ctx);
        List<Object> cards = new ArrayList<>();
        cards.add(periodCard(filter));
        cards.add(activeBlockCard(filter));
        cards.add(cacheShareCard(filter));
        cards.add(syncs.card(filter.zone()));
        for (OverviewCard card : extraCards) {
            cards.add(card.render(filter));
        }
        PeriodSeries daily = PeriodSeries.of(queries.byPeriod(filter, Period.DAY), Period.DAY);
        ApiResponses.send(ctx, new Overview(cards, daily, daily.table("overview-daily", filter)),
                () -> daily.table("overview-daily", filter));
    }

    private Object periodCard(UsageFilter filter) {
        LocalDate today = params.today(filter);
        List<PeriodFigure> periods = List.of(
                figure("Today", today, today, filter),
                figure("This week", today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today, filter),
                figure("This month", today.withDayOfMonth(1), today, filter));
        return new PeriodsCard("periods", periods);
    }

    private PeriodFigure figure(String label, LocalDate from, LocalDate to, UsageFilter filter) {
        UsageFigures u = queries.totals(filter.between(Optional.of(from), Optional.of(to)));
        return new PeriodFigure(label, from.toString(), to.toString(), u.cost(), ReportFigures.money(u.cost()),
                u.tokens().total(), ReportFigures.count(u.tokens().total()), u.requests());
    }

    private Object activeBlockCard(UsageFilter filter) {
        Optional<BlockRow> active = queries.blocks(filter.between(Optional.empty(), Optional.empty())).stream()
                .filter(BlockRow::active).reduce((a, b) -> b);
        return new ActiveBlockCard("active-block", active.map(b -> BlockView.of(b, filter.zone())).orElse(null));
    }

    private Object cacheShareCard(UsageFilter filter) {
        UsageFigures u = queries.totals(filter);
        long prompt = u.tokens().input() + u.tokens().cacheWrite() + u.tokens().cacheRead();
        double share = prompt == 0 ? 0 : (double) u.tokens().cacheRead() / prompt;
        return new CacheShareCard("cache-share", share, String.format(Locale.ROOT, "%.1f%%", share * 100),
                u.tokens().cacheRead(), ReportFigures.count(u.tokens().cacheRead()), prompt,
                ReportFigures.count(prompt));
    }

    /** The Overview document. */
    record Overview(List<Object> cards, PeriodSeries daily, ViewTable table) {
    }

    /** Cost and tokens of today, this week and this month. */
    record PeriodsCard(String id, List<PeriodFigure> periods) {
    }

    /** One period's figures. */
    record PeriodFigure(String label, String from, String to, double cost, String costText, long tokens,
            String tokensText, long requests) {
    }

    /** The active block, or null when no block is active. */
    record ActiveBlockCard(String id, BlockView block) {
    }

    /** The share of prompt tokens (input, cache writes, cache reads) that were read from the cache. */
    record CacheShareCard(String id, double share, String shareText, long cacheRead, String cacheReadText,
            long promptTokens, String promptTokensText) {
    }
}
