package dev.cctelemetry.core.report;

import dev.cctelemetry.core.usage.TokenCounts;
import java.util.Objects;

/**
 * The share of one model in a report row.
 *
 * @param model model label ({@code <model>-fast} for fast-mode responses)
 * @param tokens tokens of that model
 * @param cost cost in USD
 * @param records API responses counted
 */
public record ModelBreakdown(String model, TokenCounts tokens, double cost, long records) {

    public ModelBreakdown {
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(tokens, "tokens is null");
    }
}
