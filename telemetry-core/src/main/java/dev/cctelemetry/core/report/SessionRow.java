package dev.cctelemetry.core.report;

import dev.cctelemetry.core.query.UsageSummary;
import java.time.Instant;
import java.util.Objects;

/**
 * Usage of one Claude Code session (subagent files included, as they carry the parent's session id).
 *
 * @param sessionId the session id, in full
 * @param projectDir encoded project directory of the session's latest record
 * @param cwd the latest non-empty working directory seen in the session, or ""
 * @param firstActivity timestamp of the first record (UTC)
 * @param lastActivity timestamp of the last record (UTC)
 * @param usage the session's usage
 */
public record SessionRow(String sessionId, String projectDir, String cwd, Instant firstActivity,
        Instant lastActivity, UsageSummary usage) implements ReportRow {

    public SessionRow {
        Objects.requireNonNull(sessionId, "sessionId is null");
        Objects.requireNonNull(projectDir, "projectDir is null");
        Objects.requireNonNull(cwd, "cwd is null");
        Objects.requireNonNull(firstActivity, "firstActivity is null");
        Objects.requireNonNull(lastActivity, "lastActivity is null");
        Objects.requireNonNull(usage, "usage is null");
    }

    @Override
    public String label() {
        return sessionId;
    }
}
