package dev.cctelemetry.mcp.tool;

import dev.cctelemetry.app.query.ScopedAnswer;
import dev.cctelemetry.core.query.Picodollars;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.report.ReportFigures;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cost_forecast}: what this week or month will have cost at its end if the recent pace holds: spent so far
 * plus the average daily cost of the last complete days times the days left (fractional, from now).
 */
public final class CostForecastTool implements McpTool {

    private final ScopedQueries queries;
    private final PeriodArguments periods;
    private final Clock clock;

    @Inject
    CostForecastTool(ScopedQueries queries, PeriodArguments periods, Clock clock) {
        this.queries = queries;
        this.periods = periods;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "cost_forecast";
    }

    @Override
    public String description() {
        return "Forecast the Claude Code cost (USD) at the end of this week or this month from the recent pace:"
                + " spent so far plus the average daily cost of the last complete days (pace_days, default 7)"
                + " times the days left.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return InputSchema.object()
                .choice("horizon", ForecastHorizon.class, "end_of_week (weeks start on Sunday) or end_of_month"
                        + " (default).")
                .integer("pace_days", 1, 90, "Complete days before today whose average daily cost is the pace"
                        + " (default 7).")
                .with(ScopedQueries.schema()).build();
    }

    @Override
    public ToolAnswer call(ToolArguments args) {
        ForecastHorizon horizon = args.choice("horizon", ForecastHorizon.class).orElse(ForecastHorizon.END_OF_MONTH);
        int paceDays = args.integer("pace_days", 1, 90).orElse(7);
        LocalPeriod target = periods.read(new ToolArguments(Map.of("period", InputSchema.wireName(horizon.period()))),
                horizon.period());
        LocalDate today = periods.today();
        LocalDate periodStart = target.since().orElseThrow();
        LocalDate periodEnd = target.until().orElseThrow();
        LocalPeriod spentPeriod = LocalPeriod.of(target.label() + " so far", periodStart, today, target.zone());
        LocalPeriod pacePeriod = LocalPeriod.of("the " + paceDays + " complete days before today",
                today.minusDays(paceDays), today.minusDays(1), target.zone());
        ScopedAnswer<Figures> answer = queries.ask(args,
                q -> new Figures(q.totals(spentPeriod.filter()), q.totals(pacePeriod.filter())));
        UsageSummary spent = answer.value().spent();
        long dailyPacePicos = answer.value().pace().costPicos() / paceDays;
        Instant now = clock.instant();
        Instant end = periodEnd.plusDays(1).atStartOfDay(target.zone()).toInstant();
        double daysLeft = Math.max(0, Duration.between(now, end).toMillis()) / (double) Duration.ofDays(1).toMillis();
        long forecastPicos = spent.costPicos() + Math.round(dailyPacePicos * daysLeft);

        String text = String.format(Locale.ROOT, "Cost forecast for %s, %s:%n"
                + "Spent so far (%s to %s): %s%n"
                + "Pace: %s/day, the average of %s (%s)%n"
                + "Days left: %.1f (until %s ends, time zone %s)%n"
                + "Forecast at the end of %s: %s (if the pace holds)%n",
                target.describe(), answer.source(), periodStart, today, ReportFigures.money(spent.cost()),
                ReportFigures.money(Picodollars.usd(dailyPacePicos)), pacePeriod.describe(),
                ReportFigures.money(answer.value().pace().cost()), daysLeft, periodEnd, target.zone().getId(),
                target.label(), ReportFigures.money(Picodollars.usd(forecastPicos)));
        Map<String, Object> json = new LinkedHashMap<>(ScopedQueries.json(answer));
        json.put("horizon", InputSchema.wireName(horizon));
        json.put("period", target.json());
        json.put("spent", UsageFacts.json(spent));
        json.put("pacePeriod", pacePeriod.json());
        json.put("paceTotals", UsageFacts.json(answer.value().pace()));
        json.put("dailyPaceCost", Picodollars.usd(dailyPacePicos));
        json.put("daysLeft", daysLeft);
        json.put("forecastCost", Picodollars.usd(forecastPicos));
        return new ToolAnswer(text, json);
    }

    /** Spent so far and the pace period's totals. */
    private record Figures(UsageSummary spent, UsageSummary pace) {
    }
}
