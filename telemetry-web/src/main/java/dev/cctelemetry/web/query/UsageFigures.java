package dev.cctelemetry.web.query;

import dev.cctelemetry.core.usage.TokenCounts;
import java.util.List;
import java.util.Objects;

/**
 * Tokens by kind, cost and request count of a group of records: the body of every dashboard row and card.
 *
 * @param tokens summed tokens by kind
 * @param cost summed cost in USD (unpriced models count $0)
 * @param requests API responses counted
 * @param unpricedModels models in the group with no known price, sorted
 */
public record UsageFigures(TokenCounts tokens, double cost, long requests, List<String> unpricedModels) {

    /** Nothing. */
    public static final UsageFigures ZERO = new UsageFigures(TokenCounts.ZERO, 0, 0, List.of());

    public UsageFigures {
        Objects.requireNonNull(tokens, "tokens is null");
        unpricedModels = List.copyOf(unpricedModels);
    }
}
