package dev.cctelemetry.core.port.out;

/** The Claude Code hook events cc-telemetry registers a script for. */
public enum HookEvent {
    /** Fires after every assistant turn; debounced per session. */
    STOP,
    /** Fires once when a session ends; never debounced. */
    SESSION_END
}
