package dev.cctelemetry.web.api;

import dev.cctelemetry.core.query.UsageBlock;
import dev.cctelemetry.core.report.ReportFigures;
import java.time.Duration;
import java.time.ZoneId;

/**
 * A 5-hour block as the page shows it: times in the view's zone, figures formatted as {@code report blocks}
 * prints them, burn rate and projection for the active block.
 *
 * @param id the block id (ISO start, or {@code gap-...})
 * @param start ISO start time (UTC)
 * @param end ISO end time (UTC)
 * @param startText start as {@code 2026-07-19 14:00} in the view's zone
 * @param endText end, likewise
 * @param status {@code ACTIVE, 2h 5m left}, a duration, or {@code (3h 0m gap)}, as the CLI's Status column
 * @param active whether it is running
 * @param gap whether it is a gap between blocks
 * @param cost its cost
 * @param costText its cost formatted
 * @param tokens its tokens
 * @param tokensText its tokens formatted
 * @param models its models (short names)
 * @param costPerHour burn rate in USD per hour, or null
 * @param costPerHourText burn rate formatted ({@code $1.23/hour}), or null
 * @param tokensPerMinute burn rate in tokens per minute, or null
 * @param projectedCost projected cost at block end, or null
 * @param projectedCostText projected cost formatted, or null
 * @param projectedTokens projected tokens at block end, or null
 * @param remainingMinutes minutes left, or null
 */
record BlockView(String id, String start, String end, String startText, String endText, String status,
        boolean active, boolean gap, double cost, String costText, long tokens, String tokensText, String models,
        Double costPerHour, String costPerHourText, Long tokensPerMinute, Double projectedCost,
        String projectedCostText, Long projectedTokens, Long remainingMinutes) {

    static BlockView of(UsageBlock b, ZoneId zone) {
        var rate = b.burnRate();
        var projection = b.projection();
        return new BlockView(b.id(), b.start().toString(), b.end().toString(), Times.minute(b.start(), zone),
                Times.minute(b.end(), zone), status(b), b.active(), b.gap(), b.usage().cost(),
                ReportFigures.money(b.usage().cost()), b.usage().totalTokens(),
                ReportFigures.count(b.usage().totalTokens()), UsageColumns.models(b.usage().modelsUsed()),
                rate.map(r -> r.costPerHour()).orElse(null),
                rate.map(r -> ReportFigures.money(r.costPerHour()) + "/hour").orElse(null),
                rate.map(r -> Math.round(r.tokensPerMinute())).orElse(null),
                projection.map(p -> p.totalCost()).orElse(null),
                projection.map(p -> ReportFigures.money(p.totalCost())).orElse(null),
                projection.map(p -> p.totalTokens()).orElse(null),
                projection.map(p -> p.remainingMinutes()).orElse(null));
    }

    /** The CLI's Status column: {@code ACTIVE, 2h 5m left}, the block's duration, or {@code (3h 0m gap)}. */
    static String status(UsageBlock b) {
        if (b.gap()) {
            return "(" + ReportFigures.hoursMinutes(Duration.between(b.start(), b.end())) + " gap)";
        }
        if (b.active()) {
            return b.projection().map(p -> "ACTIVE, "
                    + ReportFigures.hoursMinutes(Duration.ofMinutes(p.remainingMinutes())) + " left").orElse("ACTIVE");
        }
        return ReportFigures.hoursMinutes(Duration.between(b.start(), b.actualEnd().orElse(b.start())));
    }
}
