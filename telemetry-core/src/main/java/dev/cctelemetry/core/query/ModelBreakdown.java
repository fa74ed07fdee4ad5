package dev.cctelemetry.core.query;

import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The share of one model in a group of requests.
 *
 * @param model model label: the model id, {@code <model>-fast} for fast-mode responses
 * @param tokens tokens of that model
 * @param costPicos its cost in picodollars ({@link #cost()} in USD)
 * @param requests requests answered by it
 * @param costSources where its costs came from: the price table, Claude Code's cost-state, the transcript's own
 *     {@code costUSD}, or nowhere ({@link CostSource#UNPRICED}: counted at $0)
 */
public record ModelBreakdown(String model, TokenCounts tokens, long costPicos, long requests,
        Set<CostSource> costSources) {

    public ModelBreakdown {
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(tokens, "tokens is null");
        costSources = costSources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(costSources));
    }

    /** The cost in USD. */
    public double cost() {
        return Picodollars.usd(costPicos);
    }

    /** Whether some of its requests had no known price (and were counted at $0). */
    public boolean unpriced() {
        return costSources.contains(CostSource.UNPRICED);
    }

    /** Whether some of its cost is Claude Code's own figure (its cost-state), spread over the requests. */
    public boolean pricedByCostState() {
        return costSources.contains(CostSource.COST_STATE);
    }
}
