package dev.cctelemetry.mcp.tool;

import dev.cctelemetry.app.query.ScopedAnswer;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.report.ReportFigures;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code compare_periods}: one period's usage against another's (by default the one before it: yesterday, last
 * week, last month, or the as many days just before).
 */
public final class ComparePeriodsTool implements McpTool {

    private final ScopedQueries queries;
    private final PeriodArguments periods;

    @Inject
    ComparePeriodsTool(ScopedQueries queries, PeriodArguments periods) {
        this.queries = queries;
        this.periods = periods;
    }

    @Override
    public String name() {
        return "compare_periods";
    }

    @Override
    public String description() {
        return "Compare Claude Code usage and exact cost of two periods, e.g. this week against last week: both"
                + " totals and the change (absolute and percent). Without a baseline the period is compared with"
                + " the one before it (yesterday, last week, last month, or as many days just before).";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return PeriodArguments.schema()
                .nested("baseline", PeriodArguments.schema(), "The period to compare against, with the same fields"
                        + " (period, days, since, until). Default: the period just before.")
                .with(ScopedQueries.schema()).build();
    }

    @Override
    public ToolAnswer call(ToolArguments args) {
        LocalPeriod current = periods.read(args, PeriodName.THIS_WEEK);
        LocalPeriod baseline = args.object("baseline").map(b -> periods.read(b, PeriodName.LAST_WEEK))
                .orElseGet(() -> before(args, current));
        ScopedAnswer<Pair> answer = queries.ask(args,
                q -> new Pair(q.totals(current.filter()), q.totals(baseline.filter())));
        UsageSummary now = answer.value().current();
        UsageSummary then = answer.value().baseline();

        String text = "Claude Code usage, " + answer.source() + ", time zone " + current.zone().getId() + ":\n"
                + capitalized(current.describe()) + ": " + UsageFacts.line(now) + "\n"
                + capitalized(baseline.describe()) + ": " + UsageFacts.line(then) + "\n"
                + "Change: cost " + signedMoney(now.cost() - then.cost()) + percent(now.costPicos(), then.costPicos())
                + ", tokens " + signedCount(now.totalTokens() - then.totalTokens())
                + percent(now.totalTokens(), then.totalTokens())
                + ", requests " + signedCount(now.requests() - then.requests()) + "\n";
        Map<String, Object> json = new LinkedHashMap<>(ScopedQueries.json(answer));
        json.put("current", Map.of("period", current.json(), "totals", UsageFacts.json(now)));
        json.put("baseline", Map.of("period", baseline.json(), "totals", UsageFacts.json(then)));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("totalCost", now.cost() - then.cost());
        change.put("totalTokens", now.totalTokens() - then.totalTokens());
        change.put("requests", now.requests() - then.requests());
        ratio(now.costPicos(), then.costPicos()).ifPresent(r -> change.put("costPercent", r));
        ratio(now.totalTokens(), then.totalTokens()).ifPresent(r -> change.put("tokensPercent", r));
        json.put("change", change);
        return new ToolAnswer(text, json);
    }

    /** The period before {@code current}: its named predecessor, or as many days just before it. */
    private LocalPeriod before(ToolArguments args, LocalPeriod current) {
        Optional<PeriodName> name = args.choice("period", PeriodName.class);
        PeriodName previous = switch (name.orElse(PeriodName.THIS_WEEK)) {
            case TODAY -> PeriodName.YESTERDAY;
            case THIS_WEEK -> PeriodName.LAST_WEEK;
            case THIS_MONTH -> PeriodName.LAST_MONTH;
            default -> null;
        };
        if (previous != null) {
            return periods.read(new ToolArguments(Map.of("period", InputSchema.wireName(previous))), previous);
        }
        long days = current.days().orElseThrow(() -> new ToolInputException(
                "an open-ended period needs a baseline to compare against"));
        return LocalPeriod.of("the " + days + (days == 1 ? " day" : " days") + " before",
                current.since().orElseThrow().minusDays(days), current.since().orElseThrow().minusDays(1),
                current.zone());
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String signedMoney(double usd) {
        return (usd < 0 ? "-" : "+") + ReportFigures.money(Math.abs(usd));
    }

    private static String signedCount(long n) {
        return (n < 0 ? "-" : "+") + ReportFigures.count(Math.abs(n));
    }

    private static String percent(long now, long then) {
        return ratio(now, then).map(r -> String.format(Locale.ROOT, " (%+.1f%%)", r)).orElse("");
    }

    /** The change in percent of {@code then}; empty when {@code then} is zero. */
    private static Optional<Double> ratio(long now, long then) {
        return then == 0 ? Optional.empty() : Optional.of((now - then) * 100.0 / then);
    }

    /** The two totals. */
    private record Pair(UsageSummary current, UsageSummary baseline) {
    }
}
