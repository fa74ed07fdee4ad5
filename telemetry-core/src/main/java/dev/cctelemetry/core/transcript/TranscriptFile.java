package dev.cctelemetry.core.transcript;

import dev.cctelemetry.core.usage.LineOrigin;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A transcript file found under a root, with what a {@code stat} says about it.
 *
 * @param root the config root it was found under
 * @param path its path (as reached through the root, not the symlink target)
 * @param projectDir the encoded project directory: first path component under {@code projects/}
 * @param pathSessionId the session id the path implies (file stem, or the parent session of a
 *     {@code <session>/subagents/} file); lines carry their own {@code sessionId}, which wins
 * @param size size in bytes
 * @param modifiedMillis last-modified time
 * @param fileKey file identity (inode on Unix), or "" where the file system has none
 */
public record TranscriptFile(ClaudeRoot root, Path path, String projectDir, String pathSessionId, long size,
        long modifiedMillis, String fileKey) {

    public TranscriptFile {
        Objects.requireNonNull(root, "root is null");
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(projectDir, "projectDir is null");
        Objects.requireNonNull(pathSessionId, "pathSessionId is null");
        Objects.requireNonNull(fileKey, "fileKey is null");
    }

    /** The origin handed to the line parser. */
    public LineOrigin origin() {
        return new LineOrigin(root.id(), path.toString(), projectDir, pathSessionId);
    }
}
