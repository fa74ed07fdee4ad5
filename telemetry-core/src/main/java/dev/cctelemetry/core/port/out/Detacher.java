package dev.cctelemetry.core.port.out;

import java.io.IOException;

/**
 * Starts a process that outlives the one that started it, fully detached: it runs in its own session (Unix) or
 * hidden and outside the caller's console (Windows), and inherits none of the caller's stdin, stdout or stderr,
 * so a caller that exits (a hook, a CLI command) is never held open by it and it is never killed by a hang-up
 * of the caller's terminal.
 *
 * <p>Implementations return as soon as the process has been handed to the OS; they never wait for it to finish
 * and report nothing about its outcome (the started program records its own outcome).
 */
public interface Detacher {

    /**
     * Starts {@code spec} detached and returns at once.
     *
     * @throws IOException when the process could not be handed to the OS (for example the launcher itself is
     *                     missing); a failure of the started program after it began is not reported
     */
    void start(LaunchSpec spec) throws IOException;
}
