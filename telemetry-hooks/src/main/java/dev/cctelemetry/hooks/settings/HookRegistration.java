package dev.cctelemetry.hooks.settings;

import java.util.Objects;

/**
 * What cc-telemetry registers: the shell commands of its Stop and SessionEnd handlers and the SessionEnd
 * timeout. Each command must name its hook script, because that is how our entries are found again.
 *
 * @param stopCommand               command of the Stop handler; contains {@value #STOP_MARKER}
 * @param sessionEndCommand         command of the SessionEnd handler; contains {@value #SESSION_END_MARKER}
 * @param sessionEndTimeoutSeconds  {@code timeout} of the SessionEnd handler, 1..600; it also raises Claude
 *                                  Code's 1.5 s SessionEnd budget
 */
public record HookRegistration(String stopCommand, String sessionEndCommand, int sessionEndTimeoutSeconds) {

    /** A command containing this runs our Stop script ({@code cc-telemetry-stop.sh} or {@code .ps1}). */
    public static final String STOP_MARKER = "cc-telemetry-stop.";
    /** A command containing this runs our SessionEnd script ({@code cc-telemetry-session-end.sh} or {@code .ps1}). */
    public static final String SESSION_END_MARKER = "cc-telemetry-session-end.";
    /** SessionEnd timeout used when none is given. */
    public static final int DEFAULT_SESSION_END_TIMEOUT_SECONDS = 10;

    /** Checks that each command names its script and the timeout is sane. */
    public HookRegistration {
        requireMarked("stopCommand", stopCommand, STOP_MARKER);
        requireMarked("sessionEndCommand", sessionEndCommand, SESSION_END_MARKER);
        if (sessionEndTimeoutSeconds < 1 || sessionEndTimeoutSeconds > 600) {
            throw new IllegalArgumentException(
                    "sessionEndTimeoutSeconds must be 1..600, got " + sessionEndTimeoutSeconds);
        }
    }

    /** A registration with the default SessionEnd timeout of {@value #DEFAULT_SESSION_END_TIMEOUT_SECONDS} s. */
    public HookRegistration(String stopCommand, String sessionEndCommand) {
        this(stopCommand, sessionEndCommand, DEFAULT_SESSION_END_TIMEOUT_SECONDS);
    }

    /** Whether {@code command} runs one of cc-telemetry's hook scripts. */
    public static boolean isOurs(String command) {
        return command.contains(STOP_MARKER) || command.contains(SESSION_END_MARKER);
    }

    private static void requireMarked(String name, String command, String marker) {
        Objects.requireNonNull(command, name + " is null");
        if (command.isBlank() || !command.contains(marker)) {
            throw new IllegalArgumentException(name + " must run the '" + marker + "sh|ps1' script, got: " + command);
        }
    }
}
