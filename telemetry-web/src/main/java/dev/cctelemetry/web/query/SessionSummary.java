package dev.cctelemetry.web.query;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One session's row.
 *
 * @param sessionId the full session id
 * @param machine the name of the machine it ran on
 * @param projectDir the encoded project directory of its latest record
 * @param cwd its latest working directory, or ""
 * @param first its first record's time
 * @param last its last record's time
 * @param models models used, sorted, without {@code <synthetic>}
 * @param usage its usage (subagents included)
 */
public record SessionSummary(String sessionId, String machine, String projectDir, String cwd, Instant first,
        Instant last, List<String> models, UsageFigures usage) {

    public SessionSummary {
        Objects.requireNonNull(sessionId, "sessionId is null");
        Objects.requireNonNull(machine, "machine is null");
        Objects.requireNonNull(projectDir, "projectDir is null");
        Objects.requireNonNull(cwd, "cwd is null");
        Objects.requireNonNull(first, "first is null");
        Objects.requireNonNull(last, "last is null");
        models = List.copyOf(models);
        Objects.requireNonNull(usage, "usage is null");
    }
}
