package dev.cctelemetry.core.usage;

import java.util.Objects;

/**
 * The natural key of one Claude API response: {@code (message.id, requestId)}. A missing requestId is the
 * empty string, never null, so that the key works as a unique constraint in every database.
 *
 * @param messageId {@code message.id} of the assistant line
 * @param requestId {@code requestId} of the line, or "" when the line has none (Vertex, gateways, synthetic)
 */
public record UsageKey(String messageId, String requestId) {

    public UsageKey {
        Objects.requireNonNull(messageId, "messageId is null");
        Objects.requireNonNull(requestId, "requestId is null");
        if (messageId.isEmpty()) {
            throw new IllegalArgumentException("messageId is empty");
        }
    }
}
