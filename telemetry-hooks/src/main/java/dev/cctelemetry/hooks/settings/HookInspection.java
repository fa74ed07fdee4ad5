package dev.cctelemetry.hooks.settings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code doctor} needs to know about one settings file. Never describes a failure by throwing: a file that
 * cannot be read or parsed is reported through {@link #problem()}.
 *
 * @param path                    the settings file inspected
 * @param exists                  whether the file exists
 * @param problem                 why the file cannot be used (unreadable, invalid JSON, wrong shape); empty if fine
 * @param problemLine             1-based line of a JSON syntax error, when known
 * @param stopCommand             command of our Stop handler, if registered
 * @param sessionEndCommand       command of our SessionEnd handler, if registered
 * @param sessionEndTimeoutSeconds {@code timeout} of our SessionEnd handler, if registered with one
 * @param disableAllHooks         whether the file sets {@code "disableAllHooks": true}
 * @param allowManagedHooksOnly   whether the file sets {@code "allowManagedHooksOnly": true}
 */
public record HookInspection(Path path, boolean exists, Optional<String> problem, OptionalInt problemLine,
                             Optional<String> stopCommand, Optional<String> sessionEndCommand,
                             OptionalInt sessionEndTimeoutSeconds, boolean disableAllHooks,
                             boolean allowManagedHooksOnly) {

    /** Checks for nulls. */
    public HookInspection {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(problem, "problem is null");
        Objects.requireNonNull(problemLine, "problemLine is null");
        Objects.requireNonNull(stopCommand, "stopCommand is null");
        Objects.requireNonNull(sessionEndCommand, "sessionEndCommand is null");
        Objects.requireNonNull(sessionEndTimeoutSeconds, "sessionEndTimeoutSeconds is null");
    }

    /** Whether the file is missing or parses into a shape cc-telemetry can edit. */
    public boolean parses() {
        return problem.isEmpty();
    }

    /** Whether both of our hooks are registered. */
    public boolean registered() {
        return stopCommand.isPresent() && sessionEndCommand.isPresent();
    }

    /** Whether this file keeps every hook of ours from running. */
    public boolean hooksBlocked() {
        return disableAllHooks || allowManagedHooksOnly;
    }
}
