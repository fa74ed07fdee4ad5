package dev.cctelemetry.core.port.out;

/** The Claude Code hook events cc-telemetry registers a script for. */
public enum HookEvent {
    /** Fires after every assistant turn; debounced per session. */
    STOP("stop"),
    /** Fires once when a session ends; never debounced. */
    SESSION_END("session-end");

    private final String scriptName;

    HookEvent(String scriptName) {
        this.scriptName = scriptName;
    }

    /** The event's name as the scripts' file names and the worker's {@code --event} spell it: {@code session-end}. */
    public String scriptName() {
        return scriptName;
    }
}
