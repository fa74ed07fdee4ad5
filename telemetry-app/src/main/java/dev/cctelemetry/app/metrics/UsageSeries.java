package dev.cctelemetry.app.metrics;

import dev.cctelemetry.core.query.Picodollars;
import dev.cctelemetry.core.usage.TokenCounts;
import java.util.Objects;

/**
 * Everything one machine used of one model in one project, since the first record: one label set of the usage
 * counters.
 *
 * @param machine the machine's name (its id when it has none)
 * @param model the model label ({@code <model>-fast} for fast mode), as {@code report models} shows it
 * @param project the project folder as {@code report projects} keys it, or {@link UsageMetrics#OTHER_PROJECTS}
 * @param tokens tokens by kind
 * @param costPicos cost in picodollars
 * @param requests requests (records with at least one token)
 */
public record UsageSeries(String machine, String model, String project, TokenCounts tokens, long costPicos,
        long requests) {

    public UsageSeries {
        Objects.requireNonNull(machine, "machine is null");
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(project, "project is null");
        Objects.requireNonNull(tokens, "tokens is null");
    }

    /** The cost in USD. */
    public double cost() {
        return Picodollars.usd(costPicos);
    }
}
