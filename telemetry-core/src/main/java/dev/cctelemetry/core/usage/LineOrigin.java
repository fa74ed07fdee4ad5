package dev.cctelemetry.core.usage;

import java.util.Objects;

/**
 * Where a line comes from, for the fields a line does not carry itself.
 *
 * @param configRoot the Claude config root the file was found under
 * @param sourceFile the transcript path
 * @param projectDir Claude Code's encoded project directory
 * @param fallbackSessionId the session id implied by the path, used when a line has no {@code sessionId}
 */
public record LineOrigin(String configRoot, String sourceFile, String projectDir, String fallbackSessionId) {
    public LineOrigin {
        Objects.requireNonNull(configRoot, "configRoot is null");
        Objects.requireNonNull(sourceFile, "sourceFile is null");
        Objects.requireNonNull(projectDir, "projectDir is null");
        Objects.requireNonNull(fallbackSessionId, "fallbackSessionId is null");
    }
}
