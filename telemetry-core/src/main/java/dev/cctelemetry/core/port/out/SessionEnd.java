package dev.cctelemetry.core.port.out;

import java.util.Objects;

/**
 * How a session ended, as Claude Code's {@code SessionEnd} hook reported it.
 *
 * @param sessionId the session
 * @param reason the hook's {@code reason} ({@code clear}, {@code logout}, {@code prompt_input_exit}, {@code other})
 */
public record SessionEnd(String sessionId, String reason) {

    public SessionEnd {
        Objects.requireNonNull(sessionId, "sessionId is null");
        Objects.requireNonNull(reason, "reason is null");
    }
}
