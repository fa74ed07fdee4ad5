package dev.cctelemetry.hooks.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of an install or remove.
 *
 * @param changed  whether the settings differ from before (in {@link EditMode#DRY_RUN}: would differ)
 * @param path     the settings file as given (a symlink stays a symlink; its target is what was edited)
 * @param backup   copy of the original file, made only when an existing file was really changed
 * @param diff     unified-style line diff of the change, {@code ""} when nothing changes
 * @param warnings one-line notes for the user, e.g. that a setting keeps hooks from running
 */
public record SettingsEditResult(boolean changed, Path path, Optional<Path> backup, String diff,
                                 List<String> warnings) {

    /** Checks for nulls and freezes the warnings. */
    public SettingsEditResult {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(backup, "backup is null");
        Objects.requireNonNull(diff, "diff is null");
        warnings = List.copyOf(warnings);
    }
}
