package dev.cctelemetry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request {@link FakeMessagesApi} received.
 *
 * @param method HTTP method
 * @param path request path without the query string
 * @param query the query string, or ""
 * @param body the parsed JSON body, or a missing node when the body was empty or not JSON
 * @param reply the scripted reply that answered it, when it was a {@code POST /v1/messages} served from the queue
 */
public record RecordedRequest(String method, String path, String query, JsonNode body, Optional<ScriptedReply> reply) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(query, "query is null");
        Objects.requireNonNull(body, "body is null");
        Objects.requireNonNull(reply, "reply is null");
    }

    /** Whether this is a Messages API call ({@code POST /v1/messages}). */
    public boolean isMessages() {
        return "POST".equals(method) && FakeMessagesApi.MESSAGES_PATH.equals(path);
    }

    /** The {@code model} the client asked for, or "". */
    public String model() {
        return body.path("model").asText("");
    }

    /** Whether the client asked for a streamed (SSE) reply. */
    public boolean streaming() {
        return body.path("stream").asBoolean(false);
    }
}
