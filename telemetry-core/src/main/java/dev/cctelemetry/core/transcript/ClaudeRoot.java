package dev.cctelemetry.core.transcript;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Claude Code configuration directory that holds a {@code projects/} folder of transcripts. One root is
 * usually one Claude account; every record remembers the root it came from.
 *
 * @param dir the configuration directory (e.g. {@code ~/.claude}), absolute and normalized
 */
public record ClaudeRoot(Path dir) {

    public ClaudeRoot {
        Objects.requireNonNull(dir, "dir is null");
        dir = dir.toAbsolutePath().normalize();
    }

    /** The folder of transcripts under this root. */
    public Path projects() {
        return dir.resolve("projects");
    }

    /** The root as stored with records. */
    public String id() {
        return dir.toString();
    }
}
