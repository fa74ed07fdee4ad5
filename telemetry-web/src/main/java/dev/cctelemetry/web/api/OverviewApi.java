package dev.cctelemetry.web.api;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.PeriodGrouping;
import dev.cctelemetry.core.query.PeriodUnit;
import dev.cctelemetry.core.query.UsageBlock;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.core.report.ReportOptions;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.web.DashboardRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
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

    private final UsageQueries queries;
    private final FilterParams params;
    private final LastSyncCard syncs;
    private final List<OverviewCard> extraCards;
    private final Clock clock;

    /**
     * @param queries the store
     * @param params reads the filter
     * @param syncs the last-sync card
     * @param extraCards cards other features add (limits, budgets), after the built-in ones
     * @param clock decides which block is active
     */
    public OverviewApi(UsageQueries queries, FilterParams params, LastSyncCard syncs,
            List<OverviewCard> extraCards, Clock clock) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.params = Objects.requireNonNull(params, "params is null");
        this.syncs = Objects.requireNonNull(syncs, "syncs is null");
        this.extraCards = List.copyOf(extraCards);
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/overview", this::overview);
    }

    private void overview(Context ctx) {
        ViewFilter filter = params.parse(ctx);
        PeriodSeries daily = PeriodSeries.of(queries.periods(filter.query(), PeriodGrouping.days(filter.zone())),
                PeriodUnit.DAY);
        List<Object> cards = new ArrayList<>();
        cards.add(periodCard(filter));
        cards.add(activeBlockCard(filter));
        cards.add(cacheShareCard(daily));
        cards.add(syncs.card(filter.zone()));
        for (OverviewCard card : extraCards) {
            Object c = card.render(filter);
            if (c != null) {
                cards.add(c);
            }
        }
        ViewTable table = daily.table("overview-daily");
        ApiResponses.send(ctx, new Overview(cards, daily, table), () -> table);
    }

    private Object periodCard(ViewFilter filter) {
        LocalDate today = params.today(filter);
        List<PeriodFigure> periods = List.of(
                figure("Today", today, today, filter),
                figure("This week", today.with(TemporalAdjusters.previousOrSame(UsageApi.WEEK_START)), today, filter),
                figure("This month", today.withDayOfMonth(1), today, filter));
        return new PeriodsCard("periods", periods);
    }

    private PeriodFigure figure(String label, LocalDate from, LocalDate to, ViewFilter filter) {
        UsageSummary u = queries.totals(filter.between(Optional.of(from), Optional.of(to)).query());
        return new PeriodFigure(label, from.toString(), to.toString(), u.cost(), ReportFigures.money(u.cost()),
                u.totalTokens(), ReportFigures.count(u.totalTokens()), u.requests());
    }

    private Object activeBlockCard(ViewFilter filter) {
        // An active block ends after now, so it started less than a block length ago: only blocks starting since
        // then are asked for (the store cuts them from a recent silence instead of the whole history).
        Instant now = clock.instant();
        UsageFilter recent = filter.query().between(Optional.of(now.minus(ReportOptions.DEFAULT_BLOCK_LENGTH)),
                Optional.empty());
        Optional<UsageBlock> active = queries.blocks(recent, ReportOptions.DEFAULT_BLOCK_LENGTH, now).stream()
                .filter(UsageBlock::active).reduce((a, b) -> b);
        return new ActiveBlockCard("active-block", active.map(b -> BlockView.of(b, filter.zone())).orElse(null));
    }

    /**
     * The cache-read share of the filter's prompt tokens, from the daily series already read for the chart: the days
     * partition the filter's range, so their token sums are its totals, and the card costs no query of its own.
     */
    private Object cacheShareCard(PeriodSeries daily) {
        TokenCounts tokens = daily.totals().stream().map(UsageSummary::tokens).reduce(TokenCounts.ZERO,
                TokenCounts::plus);
        long prompt = tokens.input() + tokens.cacheWrite() + tokens.cacheRead();
        double share = prompt == 0 ? 0 : (double) tokens.cacheRead() / prompt;
        return new CacheShareCard("cache-share", share, String.format(Locale.ROOT, "%.1f%%", share * 100),
                tokens.cacheRead(), ReportFigures.count(tokens.cacheRead()), prompt,
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
