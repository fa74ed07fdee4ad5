package dev.cctelemetry.hooks.worker;

import java.util.Objects;

/**
 * The fields of a Claude Code hook payload the worker looks at. Absent fields are "". Only {@link #sessionId}
 * (validated as a UUID) and {@link #transcriptPath} (validated against the Claude roots before use) ever steer
 * what is read; the others are kept for logs and status and never build a path or a command.
 *
 * @param sessionId {@code session_id}, a UUID (checked by the parser)
 * @param transcriptPath {@code transcript_path} as written, not yet validated; "" when absent
 * @param cwd {@code cwd}; "" when absent (the 2025 Stop payload had none)
 * @param hookEventName {@code hook_event_name}, e.g. {@code Stop}
 * @param reason {@code reason} of SessionEnd, an open set of strings; "" when absent
 */
public record HookPayload(String sessionId, String transcriptPath, String cwd, String hookEventName,
        String reason) {

    public HookPayload {
        Objects.requireNonNull(sessionId, "sessionId is null");
        Objects.requireNonNull(transcriptPath, "transcriptPath is null");
        Objects.requireNonNull(cwd, "cwd is null");
        Objects.requireNonNull(hookEventName, "hookEventName is null");
        Objects.requireNonNull(reason, "reason is null");
        if (!SessionId.isValid(sessionId)) {
            throw new IllegalArgumentException("session id is not a UUID");
        }
    }
}
