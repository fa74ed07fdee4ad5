package dev.cctelemetry.core.port.out;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The values baked into a rendered hook script. Paths are absolute because Claude Code runs hooks from the
 * session's directory with the user's (possibly minimal) {@code PATH}.
 *
 * @param javaExecutable absolute path of the {@code java} (or {@code javaw.exe}) binary the worker runs on
 * @param jar absolute path of the installed cc-telemetry jar
 * @param telemetryHome cc-telemetry's home directory ({@code spool/}, {@code state/}, {@code logs/} live under it)
 * @param debounceWindowSeconds the Stop debounce window, in seconds (at least 1)
 * @param maxStdinBytes how many bytes of the hook payload are spooled at most (at least 1)
 */
public record HookScriptSpec(
        Path javaExecutable, Path jar, Path telemetryHome, int debounceWindowSeconds, long maxStdinBytes) {

    /** The default Stop debounce window: 120 s. */
    public static final int DEFAULT_DEBOUNCE_WINDOW_SECONDS = 120;

    /** The default payload bound: 1 MiB (a Stop payload carries the last assistant message). */
    public static final long DEFAULT_MAX_STDIN_BYTES = 1024L * 1024L;

    /** Validates the values. */
    public HookScriptSpec {
        requireAbsolute(javaExecutable, "javaExecutable");
        requireAbsolute(jar, "jar");
        requireAbsolute(telemetryHome, "telemetryHome");
        if (debounceWindowSeconds < 1) {
            throw new IllegalArgumentException("debounceWindowSeconds must be >= 1: " + debounceWindowSeconds);
        }
        if (maxStdinBytes < 1) {
            throw new IllegalArgumentException("maxStdinBytes must be >= 1: " + maxStdinBytes);
        }
    }

    /** A spec with the default debounce window and payload bound. */
    public static HookScriptSpec withDefaults(Path javaExecutable, Path jar, Path telemetryHome) {
        return new HookScriptSpec(
                javaExecutable, jar, telemetryHome, DEFAULT_DEBOUNCE_WINDOW_SECONDS, DEFAULT_MAX_STDIN_BYTES);
    }

    private static void requireAbsolute(Path p, String name) {
        Objects.requireNonNull(p, name + " is null");
        if (!p.isAbsolute()) {
            throw new IllegalArgumentException(name + " must be absolute: " + p);
        }
    }
}
