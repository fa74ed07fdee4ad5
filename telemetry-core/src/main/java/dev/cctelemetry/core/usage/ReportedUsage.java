package dev.cctelemetry.core.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * What a usage record contributes to a report: when, in which session and project, which model, how many tokens
 * at what cost. A store can read these few columns instead of whole records (a report over a long history reads
 * every record, so the width of each one counts).
 *
 * @param timestamp when the response was written
 * @param sessionId the session it counts towards
 * @param projectDir Claude Code's encoded project folder
 * @param cwd the working directory on the line, or ""
 * @param model the model id ({@code <synthetic>} for local placeholders)
 * @param tokens the response's tokens
 * @param costUsd its cost
 * @param costSource where the cost came from
 * @param fast whether it was served in fast mode
 */
public record ReportedUsage(Instant timestamp, String sessionId, String projectDir, String cwd, String model,
        TokenCounts tokens, double costUsd, CostSource costSource, boolean fast) {

    public ReportedUsage {
        Objects.requireNonNull(timestamp, "timestamp is null");
        Objects.requireNonNull(sessionId, "sessionId is null");
        Objects.requireNonNull(projectDir, "projectDir is null");
        Objects.requireNonNull(cwd, "cwd is null");
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(tokens, "tokens is null");
        Objects.requireNonNull(costSource, "costSource is null");
    }

    /** The report's part of a whole record. */
    public static ReportedUsage of(UsageRecord r) {
        return new ReportedUsage(r.timestamp(), r.sessionId(), r.projectDir(), r.cwd(), r.model(), r.tokens(),
                r.costUsd(), r.costSource(), r.fast());
    }

    /** {@link UsageRecord#isRequest()}: the one definition of a request, on the report's part of a record. */
    public boolean isRequest() {
        return tokens.total() > 0;
    }

    /** Whether this is a local placeholder ({@code <synthetic>}), not a model anyone used. */
    public boolean synthetic() {
        return UsageRecord.SYNTHETIC_MODEL.equals(model);
    }
}
