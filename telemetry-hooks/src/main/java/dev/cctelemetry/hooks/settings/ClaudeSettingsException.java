package dev.cctelemetry.hooks.settings;

/**
 * A settings file was refused or could not be read or written. The message is one line meant for the user;
 * whenever this is thrown, the settings file is byte-for-byte unchanged.
 */
public final class ClaudeSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A refusal with a one-line user message. */
    public ClaudeSettingsException(String message) {
        super(oneLine(message));
    }

    /** A refusal caused by {@code cause}, with a one-line user message. */
    public ClaudeSettingsException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
