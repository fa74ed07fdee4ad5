package dev.cctelemetry.hooks.worker;

import java.util.Arrays;
import java.util.Optional;

/** The event a hook worker handles, as named by {@code hook-run --event}. */
public enum HookEvent {

    /** Claude Code's Stop hook: once per turn; the first of a debounce window. */
    STOP("stop", true),
    /** Claude Code's SessionEnd hook: once per session, not debounced; the transcript may still be growing. */
    SESSION_END("session-end", true),
    /** The one sync that runs when a Stop debounce window closes; no payload, the session comes from the CLI. */
    STOP_TRAILING("stop-trailing", false);

    private final String cliName;
    private final boolean needsSpool;

    HookEvent(String cliName, boolean needsSpool) {
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
    public static Optional<HookEvent> fromCliName(String name) {
        return Arrays.stream(values()).filter(e -> e.cliName.equals(name)).findFirst();
    }
}
