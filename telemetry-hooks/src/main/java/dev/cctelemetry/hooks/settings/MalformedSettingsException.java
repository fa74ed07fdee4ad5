package dev.cctelemetry.hooks.settings;

import java.util.OptionalInt;

/** A settings file Claude Code itself would reject, or one whose shape cc-telemetry refuses to edit. */
final class MalformedSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    /** @param line 1-based line of the error, or 0 when it has no position (shape problems) */
    MalformedSettingsException(String reason, int line) {
        super(reason);
        this.line = line;
    }

    OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }
}
