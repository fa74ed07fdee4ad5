package dev.cctelemetry.hooks.worker;

import java.util.regex.Pattern;

/**
 * The shape of a Claude Code session id: a UUID, 8-4-4-4-12 hex digits. Checking it before use means a session
 * id can safely name a file ({@code <session>.jsonl}) and can never carry shell metacharacters, path separators
 * or newlines.
 */
public final class SessionId {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private SessionId() {
    }

    /** Whether {@code s} is a UUID in its canonical textual form (either case). */
    public static boolean isValid(String s) {
        // matches() anchors both ends, and the pattern has no construct that could accept a line terminator.
        return s != null && s.length() == 36 && UUID.matcher(s).matches();
    }
}
