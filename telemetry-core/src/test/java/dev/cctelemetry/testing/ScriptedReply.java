package dev.cctelemetry.testing;

import dev.cctelemetry.core.usage.TokenCounts;
import java.util.Objects;
import java.util.UUID;

/**
 * One answer {@link FakeMessagesApi} gives to one {@code POST /v1/messages}: either assistant text or a single
 * {@code tool_use} of Claude Code's Bash tool, with the usage and ids the API reports for it.
 *
 * @param messageId {@code message.id} sent back, e.g. {@code msg_…}
 * @param requestId value of the {@code request-id} response header (Claude Code stores it as {@code requestId})
 * @param text assistant text, or "" for a tool call
 * @param bashCommand the Bash command to request, or "" for a text reply
 * @param usage the usage reported: input, output, 5-minute and 1-hour cache writes, cache reads
 */
public record ScriptedReply(String messageId, String requestId, String text, String bashCommand, TokenCounts usage) {

    public ScriptedReply {
        Objects.requireNonNull(messageId, "messageId is null");
        Objects.requireNonNull(requestId, "requestId is null");
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(bashCommand, "bashCommand is null");
        Objects.requireNonNull(usage, "usage is null");
        if (text.isEmpty() == bashCommand.isEmpty()) {
            throw new IllegalArgumentException("exactly one of text and bashCommand must be set");
        }
    }

    /** A text reply ({@code stop_reason end_turn}) with fresh random ids. */
    public static ScriptedReply text(String text, TokenCounts usage) {
        return new ScriptedReply(newMessageId(), newRequestId(), text, "", usage);
    }

    /** A Bash tool call ({@code stop_reason tool_use}) with fresh random ids. */
    public static ScriptedReply bash(String command, TokenCounts usage) {
        return new ScriptedReply(newMessageId(), newRequestId(), "", command, usage);
    }

    /** Whether this reply asks Claude Code to run a tool. */
    public boolean isToolUse() {
        return !bashCommand.isEmpty();
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
}
