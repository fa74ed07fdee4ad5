package dev.cctelemetry.core.query;

import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import java.time.Instant;
import java.util.Objects;

/**
 * One request (API response) of a session, for a session's timeline.
 *
 * @param timestamp when the response was written
 * @param model the model label ({@code <model>-fast} for fast mode)
 * @param tokens its tokens
 * @param costPicos its cost in picodollars ({@link #cost()} in USD)
 * @param costSource where its cost came from
 * @param subagent whether a subagent (Task tool, sidechain) made it rather than the main conversation
 * @param agentId the subagent's id, or ""
 */
public record RequestUsage(Instant timestamp, String model, TokenCounts tokens, long costPicos,
        CostSource costSource, boolean subagent, String agentId) {

    public RequestUsage {
        Objects.requireNonNull(timestamp, "timestamp is null");
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(tokens, "tokens is null");
        Objects.requireNonNull(costSource, "costSource is null");
        Objects.requireNonNull(agentId, "agentId is null");
    }

    /** The cost in USD. */
    public double cost() {
        return Picodollars.usd(costPicos);
    }
}
