package dev.cctelemetry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.core.usage.TokenCounts;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One answer {@link FakeMessagesApi} gives to one {@code POST /v1/messages}: either assistant text or a single
 * {@code tool_use} block of a named tool, with the usage and ids the API reports for it.
 *
 * <p>A tool call names the tool as the model would: a built-in tool by its name ({@code Bash}, {@code Read}, …),
 * an MCP tool as {@code mcp__<server>__<tool>} (see {@link ScriptedMcpServer} for how Claude Code 2.1.328 names,
 * permits and calls those). Claude Code runs the tool and sends its {@code tool_result} in the next request, where
 * {@link RecordedRequest#toolResult(String)} finds it by {@link #toolUseId()}; so a tool call is normally followed in
 * the queue by the text reply that ends the turn.
 *
 * @param messageId {@code message.id} sent back, e.g. {@code msg_…}
 * @param requestId value of the {@code request-id} response header (Claude Code stores it as {@code requestId})
 * @param text assistant text, or "" for a tool call
 * @param toolCall the tool to call, empty for a text reply
 * @param usage the usage reported: input, output, 5-minute and 1-hour cache writes, cache reads
 */
public record ScriptedReply(String messageId, String requestId, String text, Optional<ToolCall> toolCall,
        TokenCounts usage) {

    public ScriptedReply {
        Objects.requireNonNull(messageId, "messageId is null");
        Objects.requireNonNull(requestId, "requestId is null");
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(toolCall, "toolCall is null");
        Objects.requireNonNull(usage, "usage is null");
        if (text.isEmpty() == toolCall.isEmpty()) {
            throw new IllegalArgumentException("exactly one of text and toolCall must be set");
        }
    }

    /** A text reply ({@code stop_reason end_turn}) with fresh random ids. */
    public static ScriptedReply text(String text, TokenCounts usage) {
        return new ScriptedReply(newMessageId(), newRequestId(), text, Optional.empty(), usage);
    }

    /** A call of the named tool with the given input ({@code stop_reason tool_use}), with fresh random ids. */
    public static ScriptedReply toolUse(String toolName, JsonNode input, TokenCounts usage) {
        return new ScriptedReply(newMessageId(), newRequestId(), "", Optional.of(new ToolCall(toolName, input)),
                usage);
    }

    /** A call of Claude Code's Bash tool running {@code command}. */
    public static ScriptedReply bash(String command, TokenCounts usage) {
        ObjectNode input = JsonNodeFactory.instance.objectNode()
                .put("command", command)
                .put("description", "scripted by test");
        return toolUse("Bash", input, usage);
    }

    /** Whether this reply asks Claude Code to run a tool. */
    public boolean isToolUse() {
        return toolCall.isPresent();
    }

    /** The {@code tool_use} block id, derived from the message id so it is stable and unique. */
    public String toolUseId() {
        return "toolu_" + (messageId.startsWith("msg_") ? messageId.substring(4) : messageId);
    }

    private static String newMessageId() {
        return "msg_" + hex24();
    }

    private static String newRequestId() {
        return "req_" + hex24();
    }

    private static String hex24() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /**
     * A {@code tool_use} block: the tool's name and its input object.
     *
     * @param name the tool name as the model sends it, e.g. {@code Bash} or {@code mcp__cc-telemetry__usage_summary}
     * @param input the tool's input (a JSON object; copied, so later changes to the argument do not leak in)
     */
    public record ToolCall(String name, JsonNode input) {

        public ToolCall {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(input, "input is null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name is blank");
            }
            if (!input.isObject()) {
                throw new IllegalArgumentException("input must be a JSON object: " + input);
            }
            input = input.deepCopy();
        }

        /** A copy of the input, so a caller cannot change what the fake sends. */
        @Override
        public JsonNode input() {
            return input.deepCopy();
        }
    }
}
