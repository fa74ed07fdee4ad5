package dev.cctelemetry.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes Claude Code transcript lines in the shape real versions write them (compact JSON, one line per
 * content block), for tests. Only the fields cc-telemetry reads are varied; the rest is realistic filler.
 */
public final class TranscriptBuilder {

    private final List<String> lines = new ArrayList<>();
    private String sessionId;
    private String cwd = "/home/user/project";
    private String version = "2.1.81";
    private boolean sidechain;
    private String agentId;

    private TranscriptBuilder(String sessionId) {
        this.sessionId = sessionId;
    }

    /** A transcript of one session. */
    public static TranscriptBuilder session(String sessionId) {
        return new TranscriptBuilder(sessionId);
    }

    /** Lines written after this call are sidechain (subagent) lines of the given agent. */
    public TranscriptBuilder sidechain(String agent) {
        this.sidechain = true;
        this.agentId = agent;
        return this;
    }

    /** Sets the cwd of later lines. */
    public TranscriptBuilder cwd(String dir) {
        this.cwd = dir;
        return this;
    }

    /** Sets the session id of later lines. */
    public TranscriptBuilder sessionId(String id) {
        this.sessionId = id;
        return this;
    }

    /** A user prompt line (no usage). */
    public TranscriptBuilder user(String text) {
        lines.add(String.format(Locale.ROOT, "{\"parentUuid\":null,\"isSidechain\":%s,\"userType\":\"external\","
                + "\"cwd\":\"%s\",\"sessionId\":\"%s\",\"version\":\"%s\",\"type\":\"user\",\"message\":{\"role\":"
                + "\"user\",\"content\":\"%s\"},\"uuid\":\"u-%d\",\"timestamp\":\"2025-08-01T10:00:00.000Z\"}",
                sidechain, cwd, sessionId, version, text, lines.size()));
        return this;
    }

    /**
     * An assistant line.
     *
     * @param requestId null for none (Vertex, gateways)
     * @param stopReason null for a non-final streaming line
     */
    public TranscriptBuilder assistant(String messageId, String requestId, String model, String timestamp,
            long input, long output, long cacheWrite, long cacheRead, String stopReason) {
        return assistantRaw(messageId, requestId, model, timestamp, String.format(Locale.ROOT,
                "{\"input_tokens\":%d,\"cache_creation_input_tokens\":%d,\"cache_read_input_tokens\":%d,"
                        + "\"output_tokens\":%d,\"service_tier\":\"standard\"}",
                input, cacheWrite, cacheRead, output), stopReason);
    }

    /** An assistant line with a usage object given verbatim. */
    public TranscriptBuilder assistantRaw(String messageId, String requestId, String model, String timestamp,
            String usageJson, String stopReason) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"parentUuid\":\"p\",\"isSidechain\":").append(sidechain);
        if (agentId != null) {
            sb.append(",\"agentId\":\"").append(agentId).append('"');
        }
        sb.append(",\"userType\":\"external\",\"cwd\":\"").append(cwd).append("\",\"sessionId\":\"")
                .append(sessionId).append("\",\"version\":\"").append(version).append("\",\"message\":{\"id\":\"")
                .append(messageId).append("\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"").append(model)
                .append("\",\"content\":[{\"type\":\"text\",\"text\":\"hello \\\"usage\\\": world\"}],")
                .append("\"stop_reason\":").append(stopReason == null ? "null" : "\"" + stopReason + "\"")
                .append(",\"stop_sequence\":null,\"usage\":").append(usageJson).append('}');
        if (requestId != null) {
            sb.append(",\"requestId\":\"").append(requestId).append('"');
        }
        sb.append(",\"type\":\"assistant\",\"uuid\":\"a-").append(lines.size()).append("\",\"timestamp\":\"")
                .append(timestamp).append("\"}");
        lines.add(sb.toString());
        return this;
    }

    /** A raw line, verbatim. */
    public TranscriptBuilder raw(String line) {
        lines.add(line);
        return this;
    }

    /** The lines so far, joined with newlines and ending with one. */
    public String text() {
        return String.join("\n", lines) + "\n";
    }

    /** Writes the lines to {@code file} (creating folders), replacing it. */
    public Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text(), StandardCharsets.UTF_8);
        return file;
    }

    /** Appends the lines to {@code file}. */
    public Path appendTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return file;
    }
}
