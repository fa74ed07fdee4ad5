package dev.cctelemetry.core.report;

import dev.cctelemetry.core.query.UsageSummary;
import java.util.Objects;

/**
 * Usage of one project directory.
 *
 * @param projectDir Claude Code's encoded project directory
 * @param cwd the latest non-empty working directory seen in it (the readable path), or ""
 * @param usage the project's usage
 */
public record ProjectRow(String projectDir, String cwd, UsageSummary usage) implements ReportRow {

    public ProjectRow {
        Objects.requireNonNull(projectDir, "projectDir is null");
        Objects.requireNonNull(cwd, "cwd is null");
        Objects.requireNonNull(usage, "usage is null");
    }

    @Override
    public String label() {
        return projectDir;
    }
}
