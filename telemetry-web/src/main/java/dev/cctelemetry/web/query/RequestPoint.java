package dev.cctelemetry.web.query;

import dev.cctelemetry.core.usage.TokenCounts;
import java.time.Instant;
import java.util.Objects;

/**
 * One API response of a session.
 *
 * @param timestamp when it was answered
 * @param model the model id
 * @param tokens its tokens by kind
 * @param cost its cost in USD
 * @param subagent whether a subagent (sidechain) made it
 */
public record RequestPoint(Instant timestamp, String model, TokenCounts tokens, double cost, boolean subagent) {

    public RequestPoint {
        Objects.requireNonNull(timestamp, "timestamp is null");
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(tokens, "tokens is null");
    }
}
