package dev.cctelemetry.core.report;

import dev.cctelemetry.core.usage.TokenCounts;
import java.util.List;
import java.util.Objects;

/**
 * Tokens, cost and models of a group of usage records: the body of every report row and of the totals.
 *
 * @param tokens summed token counts ({@code <synthetic>} records included; they carry zero)
 * @param cost summed cost in USD, in timestamp order
 * @param records API responses counted
 * @param modelsUsed model labels, sorted, without {@code <synthetic>}
 * @param breakdowns per-model shares, most expensive first, without {@code <synthetic>}
 * @param unpricedModels models (sorted) whose records had no known price and were counted at $0
 */
public record UsageSummary(TokenCounts tokens, double cost, long records, List<String> modelsUsed,
        List<ModelBreakdown> breakdowns, List<String> unpricedModels) {

    /** Nothing. */
    public static final UsageSummary EMPTY = new UsageSummary(TokenCounts.ZERO, 0, 0, List.of(), List.of(),
            List.of());

    public UsageSummary {
        Objects.requireNonNull(tokens, "tokens is null");
        modelsUsed = List.copyOf(modelsUsed);
        breakdowns = List.copyOf(breakdowns);
        unpricedModels = List.copyOf(unpricedModels);
    }

    /** Input, output, cache writes and cache reads together (ccusage's {@code totalTokens}). */
    public long totalTokens() {
        return tokens.total();
    }

    /** Cache writes of both durations (ccusage's {@code cacheCreationTokens}). */
    public long cacheCreationTokens() {
        return tokens.cacheWrite();
    }
}
