package dev.cctelemetry.core.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Usage of one Claude Code session (its subagents included: they carry the parent's session id).
 *
 * @param sessionId the session id, in full
 * @param machineId the machine whose records it is ("" when the store does not know)
 * @param machineName that machine's name ("" when unknown)
 * @param projectDir encoded project folder of its latest request that has one, or "" (among requests of the same
 *     millisecond, the greatest name)
 * @param cwd latest non-empty working directory of its requests, or "" (chosen as {@code projectDir} is)
 * @param firstActivity its first request's time
 * @param lastActivity its last request's time
 * @param usage its usage
 */
public record SessionUsage(String sessionId, String machineId, String machineName, String projectDir, String cwd,
        Instant firstActivity, Instant lastActivity, UsageSummary usage) {

    public SessionUsage {
        Objects.requireNonNull(sessionId, "sessionId is null");
        Objects.requireNonNull(machineId, "machineId is null");
        Objects.requireNonNull(machineName, "machineName is null");
        Objects.requireNonNull(projectDir, "projectDir is null");
        Objects.requireNonNull(cwd, "cwd is null");
        Objects.requireNonNull(firstActivity, "firstActivity is null");
        Objects.requireNonNull(lastActivity, "lastActivity is null");
        Objects.requireNonNull(usage, "usage is null");
    }

    /** From its first to its last request. */
    public Duration duration() {
        return Duration.between(firstActivity, lastActivity);
    }
}
