package dev.cctelemetry.hooks.worker;

import dev.cctelemetry.core.transcript.ClaudeRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Builds a fake Claude config root with transcripts under a temp folder. */
final class ClaudeTree {

    static final String SESSION_A = "0a8d1f33-5b2c-4d7e-9f10-2c3b4a5d6e7f";
    static final String SESSION_B = "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910";

    final ClaudeRoot root;
    final Path projectDir;

    ClaudeTree(Path tmp) {
        this.root = new ClaudeRoot(tmp.resolve("claude"));
        this.projectDir = root.projects().resolve("-home-user-code-repo");
        try {
            Files.createDirectories(projectDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One assistant line with usage, as Claude Code writes it (compact JSON). */
    static String assistant(String session, String messageId, int outputTokens) {
        return "{\"parentUuid\":null,\"isSidechain\":false,\"type\":\"assistant\",\"sessionId\":\"" + session
                + "\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"requestId\":\"req_" + messageId
                + "\",\"message\":{\"id\":\"" + messageId + "\",\"model\":\"claude-sonnet-4-5-20250929\","
                + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":10,\"output_tokens\":" + outputTokens
                + "}},\"cwd\":\"/home/user/code/repo\"}\n";
    }

    static String userLine(String session) {
        return "{\"type\":\"user\",\"sessionId\":\"" + session + "\",\"message\":{\"role\":\"user\","
                + "\"content\":\"hello\"}}\n";
    }

    static String costState(String session) {
        return "{\"type\":\"cost-state\",\"sessionId\":\"" + session + "\",\"modelUsage\":{\"claude-sonnet-4-5\":"
                + "{\"costUSD\":0.01,\"inputTokens\":10,\"outputTokens\":5}}}\n";
    }

    Path mainTranscript(String session) {
        return projectDir.resolve(session + ".jsonl");
    }

    static Path write(Path file, String... lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("", lines), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void append(Path file, String line) {
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hook payload JSON with the given transcript path (null: field absent). */
    static String payload(String event, String session, String transcriptPath) {
        StringBuilder b = new StringBuilder("{\"session_id\":\"").append(session).append('"');
        if (transcriptPath != null) {
            b.append(",\"transcript_path\":\"").append(transcriptPath.replace("\\", "\\\\")).append('"');
        }
        return b.append(",\"cwd\":\"/home/user/code/repo\",\"hook_event_name\":\"").append(event)
                .append("\",\"stop_hook_active\":false,\"last_assistant_message\":\"secret text\"")
                .append(",\"background_tasks\":[{\"id\":\"t\",\"command\":\"rm -rf /\"}]}").toString();
    }
}
