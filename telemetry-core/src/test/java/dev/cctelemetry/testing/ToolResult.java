package dev.cctelemetry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A {@code tool_result} block Claude Code sent back to the API: what a tool returned to the model.
 *
 * <p>Claude Code 2.1.328 sends built-in tool output as a string {@code content} and an MCP tool's result as the MCP
 * content array ({@code [{"type":"text","text":…}]}); {@link #text()} reads both. A refused or failed call has
 * {@code "is_error": true} and the refusal or error message as its text.
 *
 * @param toolUseId the {@code tool_use_id} it answers
 * @param text the text of the result: the string content, or the text blocks of an array content joined by newlines
 * @param isError whether the block is marked {@code is_error}
 * @param content the raw {@code content} value
 */
public record ToolResult(String toolUseId, String text, boolean isError, JsonNode content) {

    public ToolResult {
        Objects.requireNonNull(toolUseId, "toolUseId is null");
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(content, "content is null");
    }

    /** Reads one {@code tool_result} block. */
    static ToolResult of(JsonNode block) {
        JsonNode content = block.path("content");
        String text;
        if (content.isTextual()) {
            text = content.asText();
        } else {
            StringBuilder joined = new StringBuilder();
            for (JsonNode part : content) {
                if ("text".equals(part.path("type").asText())) {
                    if (!joined.isEmpty()) {
                        joined.append('\n');
                    }
                    joined.append(part.path("text").asText());
                }
            }
            text = joined.toString();
        }
        return new ToolResult(block.path("tool_use_id").asText(), text, block.path("is_error").asBoolean(false),
                content.deepCopy());
    }
}
