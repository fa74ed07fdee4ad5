package dev.cctelemetry.core.port.out;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Detacher} starts.
 *
 * @param command the program and its arguments, passed as separate arguments (never through a shell that would
 *                re-split or expand them); must not be empty
 * @param workingDirectory the directory the process starts in
 * @param extraEnvironment variables added to (or overriding) the launching process's environment
 */
public record LaunchSpec(List<String> command, Path workingDirectory, Map<String, String> extraEnvironment) {

    /** Validates and copies the arguments. */
    public LaunchSpec {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command is empty");
        }
        Objects.requireNonNull(workingDirectory, "workingDirectory is null");
        extraEnvironment = Map.copyOf(extraEnvironment);
    }

    /** A launch of {@code command} in {@code workingDirectory} with the inherited environment. */
    public static LaunchSpec of(List<String> command, Path workingDirectory) {
        return new LaunchSpec(command, workingDirectory, Map.of());
    }
}
