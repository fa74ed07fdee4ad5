package dev.cctelemetry.core.query;

import dev.cctelemetry.core.usage.TokenCounts;
import java.util.List;
import java.util.Objects;

/**
 * Tokens, cost, requests and sessions of a group of requests, with each model's share: the body of every report
 * row, dashboard figure and totals line.
 *
 * @param tokens summed token counts, split by kind
 * @param costPicos summed cost in picodollars ({@link #cost()} in USD)
 * @param requests requests counted (records with at least one token)
 * @param sessions distinct sessions among them
 * @param breakdowns each model's share, most expensive first, then by label
 */
public record UsageSummary(TokenCounts tokens, long costPicos, long requests, long sessions,
        List<ModelBreakdown> breakdowns) {

    /** Nothing. */
    public static final UsageSummary EMPTY = new UsageSummary(TokenCounts.ZERO, 0, 0, 0, List.of());

    public UsageSummary {
        Objects.requireNonNull(tokens, "tokens is null");
        breakdowns = List.copyOf(breakdowns);
    }

    /** The cost in USD. */
    public double cost() {
        return Picodollars.usd(costPicos);
    }

    /** Input, output, cache writes and cache reads together (ccusage's {@code totalTokens}). */
    public long totalTokens() {
        return tokens.total();
    }

    /** Cache writes of both durations (ccusage's {@code cacheCreationTokens}). */
    public long cacheCreationTokens() {
        return tokens.cacheWrite();
    }

    /** The model labels used, sorted. */
    public List<String> modelsUsed() {
        return breakdowns.stream().map(ModelBreakdown::model).sorted().toList();
    }

    /** Models (sorted) with requests of no known price, counted at $0: the real cost is higher. */
    public List<String> unpricedModels() {
        return breakdowns.stream().filter(ModelBreakdown::unpriced).map(ModelBreakdown::model).sorted().toList();
    }

    /** Models (sorted) whose cost is Claude Code's own cost-state figure rather than the price table's. */
    public List<String> costStateModels() {
        return breakdowns.stream().filter(ModelBreakdown::pricedByCostState).map(ModelBreakdown::model).sorted()
                .toList();
    }

    /** Whether no request is counted here. */
    public boolean isEmpty() {
        return requests == 0;
    }
}
