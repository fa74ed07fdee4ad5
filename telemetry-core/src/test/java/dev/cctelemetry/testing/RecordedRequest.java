package dev.cctelemetry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request {@link FakeMessagesApi} received.
 *
 * @param method HTTP method
 * @param path request path without the query string
 * @param query the query string, or ""
 * @param headers request headers, names lower-cased (first value of each)
 * @param body the parsed JSON body, or a missing node when the body was empty or not JSON
 * @param reply the scripted reply that answered it, when it was a {@code POST /v1/messages} served from the queue
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers, JsonNode body,
        Optional<ScriptedReply> reply) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(query, "query is null");
        Objects.requireNonNull(body, "body is null");
        Objects.requireNonNull(reply, "reply is null");
        Objects.requireNonNull(headers, "headers is null");
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lower);
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

    /** A request header by name (any case). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Every {@code tool_result} block in the request's {@code messages}, in order. Claude Code sends the whole
     * conversation each time, so a later request repeats the results of earlier turns.
     */
    public List<ToolResult> toolResults() {
        List<ToolResult> results = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            for (JsonNode block : message.path("content")) {
                if ("tool_result".equals(block.path("type").asText())) {
                    results.add(ToolResult.of(block));
                }
            }
        }
        return List.copyOf(results);
    }

    /** The {@code tool_result} answering the {@code tool_use} block with this id, e.g. {@link ScriptedReply#toolUseId()}. */
    public Optional<ToolResult> toolResult(String toolUseId) {
        return toolResults().stream().filter(r -> r.toolUseId().equals(toolUseId)).findFirst();
    }
}
