package dev.cctelemetry.core.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * One Claude API response as the ledger keeps it: who, when, which model, how many tokens, what it cost, and
 * which transcript line it was read from. Never holds prompt or response text.
 *
 * @param key natural key (message id, request id)
 * @param sessionId the session the response counts towards (the line's {@code sessionId}, so subagent
 *     files roll into their parent session)
 * @param projectDir Claude Code's encoded project directory (first path component under {@code projects/})
 * @param cwd the real working directory of the line, or "" when absent
 * @param timestamp when the line was written (UTC)
 * @param model the model id as written, e.g. {@code claude-sonnet-4-5-20250929}
 * @param tokens token counts
 * @param speed {@code usage.speed} ("standard", "fast") or "" when absent
 * @param serviceTier {@code usage.service_tier} or "" when absent
 * @param version Claude Code version or ""
 * @param sidechain whether the line is a sidechain (subagent, /btw) line
 * @param agentId subagent id or ""
 * @param stopReasonSet whether {@code message.stop_reason} was set (the final streaming line)
 * @param configRoot the Claude config root the file was found under (usually one account)
 * @param sourceFile the transcript file path
 * @param sourceOffset byte offset of the line in that file
 * @param costUsd derived cost in USD
 * @param costSource where {@code costUsd} came from
 */
public record UsageRecord(
        UsageKey key,
        String sessionId,
        String projectDir,
        String cwd,
        Instant timestamp,
        String model,
        TokenCounts tokens,
        String speed,
        String serviceTier,
        String version,
        boolean sidechain,
        String agentId,
        boolean stopReasonSet,
        String configRoot,
        String sourceFile,
        long sourceOffset,
        double costUsd,
        CostSource costSource) {

    /** Model id Claude Code writes for locally generated messages (API errors, "No response requested."). */
    public static final String SYNTHETIC_MODEL = "<synthetic>";

    public UsageRecord {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(sessionId, "sessionId is null");
        Objects.requireNonNull(projectDir, "projectDir is null");
        Objects.requireNonNull(cwd, "cwd is null");
        Objects.requireNonNull(timestamp, "timestamp is null");
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(tokens, "tokens is null");
        Objects.requireNonNull(speed, "speed is null");
        Objects.requireNonNull(serviceTier, "serviceTier is null");
        Objects.requireNonNull(version, "version is null");
        Objects.requireNonNull(agentId, "agentId is null");
        Objects.requireNonNull(configRoot, "configRoot is null");
        Objects.requireNonNull(sourceFile, "sourceFile is null");
        Objects.requireNonNull(costSource, "costSource is null");
    }

    /** Whether this is a {@code <synthetic>} entry (never a real API call; carries zero). */
    public boolean synthetic() {
        return SYNTHETIC_MODEL.equals(model);
    }

    /**
     * Whether this record counts as a request: it carries at least one token. The one definition every count uses
     * (reports, doctor, status, sync, machines): zero-token lines such as {@code <synthetic>} entries are stored
     * but are no request, and a session is a session id with a request.
     */
    public boolean isRequest() {
        return tokens.total() > 0;
    }

    /** Whether the response was served in fast mode (priced with the model's fast multiplier). */
    public boolean fast() {
        return "fast".equals(speed);
    }

    /** The same record with another cost. */
    public UsageRecord withCost(double usd, CostSource source) {
        return new UsageRecord(key, sessionId, projectDir, cwd, timestamp, model, tokens, speed, serviceTier,
                version, sidechain, agentId, stopReasonSet, configRoot, sourceFile, sourceOffset, usd, source);
    }
}
