package dev.cctelemetry.core.usage;

import java.util.Map;
import java.util.Objects;

/**
 * Claude Code's own accounting of a session, from the {@code cost-state} line current versions write at the
 * end of a transcript. A cross-check and the cost source for models missing from the price table; never a
 * billing record to add to the others.
 *
 * @param sessionId the session
 * @param modelCosts per model: Claude Code's {@code costUSD} and token counts
 * @param sourceFile file the line was read from
 * @param sourceOffset byte offset of the line (a later line supersedes an earlier one)
 */
public record SessionCostState(String sessionId, Map<String, ModelCost> modelCosts, String sourceFile,
        long sourceOffset) {

    public SessionCostState {
        Objects.requireNonNull(sessionId, "sessionId is null");
        modelCosts = Map.copyOf(modelCosts);
        Objects.requireNonNull(sourceFile, "sourceFile is null");
    }

    /**
     * Claude Code's totals for one model of a session.
     *
     * @param costUsd {@code costUSD}
     * @param tokens the token counts Claude Code reports for that model
     */
    public record ModelCost(double costUsd, TokenCounts tokens) {
        public ModelCost {
            Objects.requireNonNull(tokens, "tokens is null");
        }
    }
}
