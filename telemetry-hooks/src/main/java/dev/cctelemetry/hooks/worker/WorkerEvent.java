package dev.cctelemetry.hooks.worker;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a hook worker is started for, as named by {@code hook-run --event}: one of the Claude Code hook events
 * ({@link dev.cctelemetry.core.port.out.HookEvent}) or the trailing sync that closes a Stop debounce window.
 */
public enum WorkerEvent {

    /** Claude Code's Stop hook: once per turn; the first of a debounce window. */
    STOP("stop", true),
    /** Claude Code's SessionEnd hook: once per session, not debounced; the transcript may still be growing. */
    SESSION_END("session-end", true),
    /** The one sync that runs when a Stop debounce window closes; no payload, the session comes from the CLI. */
    STOP_TRAILING("stop-trailing", false);

    private final String cliName;
    private final boolean needsSpool;

    WorkerEvent(String cliName, boolean needsSpool) {
        this.cliName = cliName;
        this.needsSpool = needsSpool;
    }

    /** The name on the command line and in the hook status. */
    public String cliName() {
        return cliName;
    }

    /** Whether the event comes with a spooled payload; without one, there is nothing to do. */
    public boolean needsSpool() {
        return needsSpool;
    }

    /** The event with that command-line name, if any. */
    public static Optional<WorkerEvent> fromCliName(String name) {
        return Arrays.stream(values()).filter(e -> e.cliName.equals(name)).findFirst();
    }
}
