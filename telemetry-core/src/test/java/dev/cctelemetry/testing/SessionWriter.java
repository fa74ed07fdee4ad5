package dev.cctelemetry.testing;

import dev.cctelemetry.core.usage.TokenCounts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes one transcript file (a main session or a subagent file) as Claude Code 2.0.x–2.1.x does: compact JSON,
 * one line per content block with streaming copies of each response, tool results, progress, system, summary and
 * file-history-snapshot lines. Records every response's winning usage in {@link ExpectedTotals}.
 */
final class SessionWriter {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String[] TOOLS = {"Bash", "Read", "Edit", "Grep", "Glob", "Write", "TodoWrite"};
    private static final String[] STOP_HOOKS = {"PostToolUse:Bash", "PostToolUse:Edit", "PreToolUse:Bash"};
    private static final long ONE_MB = 1L << 20;

    /** What a file is about. */
    record Context(String sessionId, String cwd, String gitBranch, String version, String model,
                   boolean sidechain, String agentId, boolean oneHourCache, long startMillis,
                   List<String> subagentIds, boolean hugeResult) {
    }

    private final SplittableRandom random;
    private final IdSource ids;
    private final TextPool text;
    private final ExpectedTotals totals;
    private final OutputStream out;
    private final Context ctx;
    private final StringBuilder sb = new StringBuilder(1 << 16);
    private final Deque<String> pendingAgents;
    private final boolean placeholderCopies;
    private final boolean inferenceGeo;
    private final boolean speedField;
    private final boolean progressLines;
    private long clock;
    private long written;
    private String lastUuid;
    private long context;
    private boolean hugeResultPending;

    SessionWriter(SplittableRandom random, TextPool text, ExpectedTotals totals, OutputStream out, Context ctx) {
        this.random = random;
        this.ids = new IdSource(random);
        this.text = text;
        this.totals = totals;
        this.out = out;
        this.ctx = ctx;
        this.pendingAgents = new ArrayDeque<>(ctx.subagentIds());
        int[] v = parseVersion(ctx.version());
        // 2.1.97 made main-thread copies carry the final usage; subagent files kept the placeholders.
        this.placeholderCopies = ctx.sidechain() || !atLeast(v, 1, 97);
        this.inferenceGeo = atLeast(v, 1, 39);
        this.speedField = atLeast(v, 1, 81);
        this.progressLines = atLeast(v, 1, 0);
        this.clock = ctx.startMillis();
        this.context = 12_000 + random.nextInt(20_000);
        this.hugeResultPending = ctx.hugeResult();
    }

    /** Writes whole turns until the file holds at least {@code targetBytes}. */
    void write(long targetBytes) throws IOException {
        if (!ctx.sidechain() && random.nextInt(10) < 3) {
            summary();
        }
        while (written < targetBytes) {
            if (hugeResultPending && written > targetBytes / 3) {
                turn(true);
                hugeResultPending = false;
            } else {
                turn(false);
            }
        }
    }

    private void turn(boolean huge) throws IOException {
        long turnStart = clock;
        userPrompt();
        int responses = 1 + Math.min(11, geometric(0.22));
        for (int i = 0; i < responses; i++) {
            boolean last = i == responses - 1;
            String agent = !last && !ctx.sidechain() && !pendingAgents.isEmpty() && random.nextInt(6) == 0
                    ? pendingAgents.poll() : null;
            String toolUseId = response(last, agent);
            if (!last) {
                if (agent != null) {
                    agentResult(toolUseId, agent);
                } else {
                    toolResult(toolUseId, huge && i == 0);
                }
                if (progressLines && random.nextInt(7) == 0) {
                    progress(toolUseId);
                }
            }
        }
        if (!ctx.sidechain()) {
            if (random.nextBoolean()) {
                turnDuration(clock - turnStart);
            }
            if (random.nextInt(10) < 4) {
                fileHistorySnapshot();
            }
            if (context > 160_000) {
                compactBoundary();
                context = 15_000 + random.nextInt(10_000);
            }
        }
    }

    // ---- assistant responses -------------------------------------------------------------------------------

    /** Writes one API response (all its streaming copies); returns its tool-use id, or null. */
    private String response(boolean last, String agentId) throws IOException {
        if (random.nextInt(500) == 0) {
            synthetic();
        }
        String model = !ctx.sidechain() && random.nextInt(12) == 0 ? UsageModels.HAIKU : ctx.model();
        String messageId = ids.messageId();
        String requestId = ids.requestId();
        int r = random.nextInt(100);
        int copies = r < 64 ? 1 : r < 92 ? 2 : 3;

        long input = random.nextInt(20) == 0 ? logUniform(100, 20_000) : 1 + random.nextInt(40);
        long write = logUniform(50, 9_000);
        long write5m;
        long write1h;
        if (ctx.oneHourCache()) {
            write1h = write;
            write5m = random.nextInt(10) == 0 ? logUniform(10, 2_000) : 0;
        } else {
            write5m = write;
            write1h = 0;
        }
        long read = context;
        long output = logUniform(1, 4_000);
        context += write + output;
        TokenCounts fin = new TokenCounts(input, output, write5m, write1h, read);

        String toolUseId = last ? null : ids.toolUseId();
        TokenCounts winner = null;
        for (int c = 0; c < copies; c++) {
            boolean finalCopy = c == copies - 1;
            TokenCounts usage = finalCopy || !placeholderCopies
                    ? fin
                    : new TokenCounts(input, Math.min(output, 1 + random.nextInt(12)), write5m, write1h, read);
            if (winner == null || usage.total() > winner.total()) {
                winner = usage;
            }
            String block = finalCopy ? (last ? "text" : "tool_use") : (c == 0 && copies == 3 ? "thinking" : "text");
            String stop = finalCopy ? (last ? "end_turn" : "tool_use") : null;
            assistantLine(model, messageId, requestId, block, stop, usage, finalCopy, toolUseId, agentId);
            clock += 150 + random.nextInt(3_000);
        }
        totals.response(model, winner);
        clock += 500 + random.nextInt(8_000);
        return toolUseId;
    }

    private void assistantLine(String model, String messageId, String requestId, String block, String stop,
                               TokenCounts u, boolean finalCopy, String toolUseId, String agentId)
            throws IOException {
        String uuid = ids.uuid();
        sb.setLength(0);
        sb.append('{');
        envelope(lastUuid);
        sb.append(",\"message\":{\"model\":\"").append(model).append("\",\"id\":\"").append(messageId)
                .append("\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[");
        switch (block) {
            case "thinking" -> {
                sb.append("{\"type\":\"thinking\",\"thinking\":\"");
                text.append(sb, random, (int) logUniform(200, 2_500));
                sb.append("\",\"signature\":\"").append(ids.base62(200 + random.nextInt(500))).append("\"}");
            }
            case "tool_use" -> toolUse(toolUseId, agentId);
            default -> {
                sb.append("{\"type\":\"text\",\"text\":\"");
                text.append(sb, random, (int) logUniform(40, 1_500));
                sb.append("\"}");
            }
        }
        sb.append("],\"stop_reason\":").append(stop == null ? "null" : '"' + stop + '"')
                .append(",\"stop_sequence\":null,\"usage\":{\"input_tokens\":").append(u.input())
                .append(",\"cache_creation_input_tokens\":").append(u.cacheWrite())
                .append(",\"cache_read_input_tokens\":").append(u.cacheRead())
                .append(",\"cache_creation\":{\"ephemeral_5m_input_tokens\":").append(u.cacheWrite5m())
                .append(",\"ephemeral_1h_input_tokens\":").append(u.cacheWrite1h())
                .append("},\"output_tokens\":").append(u.output())
                .append(",\"service_tier\":\"standard\"");
        if (inferenceGeo) {
            sb.append(",\"inference_geo\":\"not_available\"");
        }
        if (speedField && finalCopy) {
            sb.append(",\"server_tool_use\":{\"web_search_requests\":0,\"web_fetch_requests\":0}")
                    .append(",\"iterations\":[],\"speed\":\"standard\"");
        }
        sb.append("}},\"requestId\":\"").append(requestId).append("\",\"type\":\"assistant\",\"uuid\":\"")
                .append(uuid).append("\",\"timestamp\":\"").append(timestamp()).append("\"}");
        emit("assistant");
        lastUuid = uuid;
    }

    private void toolUse(String toolUseId, String agentId) {
        sb.append("{\"type\":\"tool_use\",\"id\":\"").append(toolUseId).append("\",\"name\":\"");
        if (agentId != null) {
            sb.append("Task\",\"input\":{\"description\":\"Explore the sync code\",\"prompt\":\"");
            text.append(sb, random, (int) logUniform(200, 1_500));
            sb.append("\",\"subagent_type\":\"Explore\"}}");
            return;
        }
        String tool = TOOLS[random.nextInt(TOOLS.length)];
        sb.append(tool).append("\",\"input\":{");
        switch (tool) {
            case "Bash" -> {
                sb.append("\"command\":\"");
                text.append(sb, random, (int) logUniform(20, 300));
                sb.append("\",\"description\":\"Run the build\"");
            }
            case "Edit", "Write" -> {
                sb.append("\"file_path\":\"").append(ctx.cwd()).append("/src/Main.java\",\"old_string\":\"");
                text.append(sb, random, (int) logUniform(40, 1_200));
                sb.append("\",\"new_string\":\"");
                text.append(sb, random, (int) logUniform(40, 1_200));
                sb.append('"');
            }
            default -> sb.append("\"file_path\":\"").append(ctx.cwd()).append("/src/")
                    .append(ids.base62(8)).append(".java\"");
        }
        sb.append("}}");
    }

    /** A locally generated API error: no request id, zero usage, a UUID as message id. */
    private void synthetic() throws IOException {
        String uuid = ids.uuid();
        String messageId = ids.uuid();
        sb.setLength(0);
        sb.append('{');
        envelope(lastUuid);
        sb.append(",\"message\":{\"id\":\"").append(messageId)
                .append("\",\"container\":null,\"model\":\"<synthetic>\",\"role\":\"assistant\",\"stop_reason\":\"stop_sequence\",\"stop_sequence\":\"\",\"type\":\"message\",")
                .append("\"usage\":{\"input_tokens\":0,\"output_tokens\":0,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"server_tool_use\":{\"web_search_requests\":0},\"service_tier\":null},")
                .append("\"content\":[{\"type\":\"text\",\"text\":\"API Error: Repeated 529 Overloaded errors\"}]},")
                .append("\"type\":\"assistant\",\"uuid\":\"").append(uuid).append("\",\"timestamp\":\"")
                .append(timestamp()).append("\",\"isApiErrorMessage\":true}");
        emit("assistant");
        totals.response(UsageModels.SYNTHETIC, TokenCounts.ZERO);
        lastUuid = uuid;
        clock += 1_000 + random.nextInt(30_000);
    }

    // ---- user lines ----------------------------------------------------------------------------------------

    private void userPrompt() throws IOException {
        String uuid = ids.uuid();
        sb.setLength(0);
        sb.append('{');
        envelope(lastUuid);
        sb.append(",\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"");
        text.append(sb, random, (int) logUniform(20, 2_000));
        sb.append("\"},\"uuid\":\"").append(uuid).append("\",\"timestamp\":\"").append(timestamp())
                .append("\",\"thinkingMetadata\":{\"level\":\"high\",\"disabled\":false,\"triggers\":[]},\"permissionMode\":\"default\"}");
        emit("user");
        lastUuid = uuid;
        clock += 800 + random.nextInt(4_000);
    }

    private void toolResult(String toolUseId, boolean huge) throws IOException {
        int size;
        int r = random.nextInt(100_000);
        if (huge || r < 8) {
            size = (int) (ONE_MB + random.nextInt((int) (2 * ONE_MB)));
        } else if (r < 1_000) {
            size = (int) logUniform(20_000, 200_000);
        } else {
            size = (int) logUniform(60, 2_500);
        }
        String uuid = ids.uuid();
        sb.setLength(0);
        sb.append('{');
        envelope(lastUuid);
        sb.append(",\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":\"")
                .append(toolUseId).append("\",\"type\":\"tool_result\",\"content\":\"");
        text.append(sb, random, size);
        sb.append("\",\"is_error\":false}]},\"uuid\":\"").append(uuid).append("\",\"timestamp\":\"")
                .append(timestamp()).append("\",\"toolUseResult\":{\"stdout\":\"");
        text.append(sb, random, size / 3);
        sb.append("\",\"stderr\":\"\",\"interrupted\":false,\"isImage\":false}}");
        emit("user");
        lastUuid = uuid;
        clock += 200 + random.nextInt(20_000);
    }

    /**
     * The Task tool's result in the parent file. It carries the subagent's last call in a {@code usage} object
     * on a user line: both tools must ignore it (it is not a billing record).
     */
    private void agentResult(String toolUseId, String agentId) throws IOException {
        String uuid = ids.uuid();
        long in = 1 + random.nextInt(5);
        long cc = logUniform(100, 3_000);
        long cr = logUniform(10_000, 60_000);
        long out1 = logUniform(50, 2_000);
        sb.setLength(0);
        sb.append('{');
        envelope(lastUuid);
        sb.append(",\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":\"")
                .append(toolUseId).append("\",\"type\":\"tool_result\",\"content\":[{\"type\":\"text\",\"text\":\"");
        text.append(sb, random, (int) logUniform(300, 4_000));
        sb.append("\"}]}]},\"uuid\":\"").append(uuid).append("\",\"timestamp\":\"").append(timestamp())
                .append("\",\"toolUseResult\":{\"status\":\"completed\",\"agentId\":\"").append(agentId)
                .append("\",\"agentType\":\"Explore\",\"totalDurationMs\":").append(logUniform(5_000, 300_000))
                .append(",\"totalTokens\":").append(in + cc + cr + out1)
                .append(",\"totalToolUseCount\":").append(1 + random.nextInt(30))
                .append(",\"usage\":{\"input_tokens\":").append(in)
                .append(",\"cache_creation_input_tokens\":").append(cc)
                .append(",\"cache_read_input_tokens\":").append(cr)
                .append(",\"output_tokens\":").append(out1)
                .append(",\"service_tier\":\"standard\"}}}");
        emit("user");
        lastUuid = uuid;
        clock += 5_000 + random.nextInt(120_000);
    }

    // ---- other line types ----------------------------------------------------------------------------------

    private void progress(String toolUseId) throws IOException {
        String uuid = ids.uuid();
        sb.setLength(0);
        sb.append('{');
        envelope(lastUuid);
        sb.append(",\"type\":\"progress\",\"data\":{\"type\":\"hook_progress\",\"hookEvent\":\"PostToolUse\",\"hookName\":\"")
                .append(STOP_HOOKS[random.nextInt(STOP_HOOKS.length)])
                .append("\",\"command\":\"cc-telemetry hook post-tool-use\"},\"parentToolUseID\":\"").append(toolUseId)
                .append("\",\"toolUseID\":\"").append(toolUseId).append("\",\"timestamp\":\"").append(timestamp())
                .append("\",\"uuid\":\"").append(uuid).append("\"}");
        emit("progress");
        clock += 10 + random.nextInt(500);
    }

    private void turnDuration(long millis) throws IOException {
        String uuid = ids.uuid();
        sb.setLength(0);
        sb.append('{');
        envelope(lastUuid);
        sb.append(",\"type\":\"system\",\"subtype\":\"turn_duration\",\"durationMs\":").append(millis)
                .append(",\"timestamp\":\"").append(timestamp()).append("\",\"uuid\":\"").append(uuid)
                .append("\",\"isMeta\":false}");
        emit("system");
        lastUuid = uuid;
    }

    private void compactBoundary() throws IOException {
        String uuid = ids.uuid();
        sb.setLength(0);
        sb.append('{');
        envelope(null);
        sb.append(",\"logicalParentUuid\":\"").append(lastUuid)
                .append("\",\"type\":\"system\",\"subtype\":\"compact_boundary\",\"content\":\"Conversation compacted\",\"isMeta\":false,\"timestamp\":\"")
                .append(timestamp()).append("\",\"uuid\":\"").append(uuid)
                .append("\",\"level\":\"info\",\"compactMetadata\":{\"trigger\":\"auto\",\"preTokens\":").append(context)
                .append("}}");
        emit("system");
        lastUuid = uuid;
        clock += 20_000 + random.nextInt(60_000);
    }

    private void fileHistorySnapshot() throws IOException {
        String messageId = ids.uuid();
        sb.setLength(0);
        sb.append("{\"type\":\"file-history-snapshot\",\"messageId\":\"").append(messageId)
                .append("\",\"snapshot\":{\"messageId\":\"").append(messageId).append("\",\"trackedFileBackups\":{");
        int files = random.nextInt(8);
        for (int i = 0; i < files; i++) {
            String hash = ids.hex(16);
            sb.append(i == 0 ? "" : ",").append("\"src/main/java/").append(ids.base62(10))
                    .append(".java\":{\"backupFileName\":\"").append(hash).append("@v").append(1 + i)
                    .append("\",\"version\":").append(1 + i).append(",\"backupTime\":\"").append(timestamp())
                    .append("\"}");
        }
        sb.append("},\"timestamp\":\"").append(timestamp()).append("\"},\"isSnapshotUpdate\":")
                .append(random.nextBoolean()).append('}');
        emit("file-history-snapshot");
    }

    private void summary() throws IOException {
        sb.setLength(0);
        sb.append("{\"type\":\"summary\",\"summary\":\"");
        text.append(sb, random, 30 + random.nextInt(40));
        sb.append("\",\"leafUuid\":\"").append(ids.uuid()).append("\"}");
        emit("summary");
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private void envelope(String parentUuid) {
        sb.append("\"parentUuid\":");
        if (parentUuid == null) {
            sb.append("null");
        } else {
            sb.append('"').append(parentUuid).append('"');
        }
        sb.append(",\"isSidechain\":").append(ctx.sidechain())
                .append(",\"userType\":\"external\",\"cwd\":\"").append(ctx.cwd())
                .append("\",\"sessionId\":\"").append(ctx.sessionId())
                .append("\",\"version\":\"").append(ctx.version())
                .append("\",\"gitBranch\":\"").append(ctx.gitBranch()).append('"');
        if (ctx.sidechain()) {
            sb.append(",\"agentId\":\"").append(ctx.agentId()).append('"');
        }
    }

    private void emit(String type) throws IOException {
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        out.write('\n');
        written += bytes.length + 1L;
        totals.line(type, bytes.length + 1L);
    }

    private String timestamp() {
        return TIMESTAMP.format(Instant.ofEpochMilli(clock));
    }

    private long logUniform(long min, long max) {
        return (long) Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
    }

    private int geometric(double p) {
        int n = 0;
        while (random.nextDouble() > p) {
            n++;
        }
        return n;
    }

    /** Whether version {@code v} (major 2) is at least 2.{@code minor}.{@code patch}. */
    private static boolean atLeast(int[] v, int minor, int patch) {
        return v[1] > minor || (v[1] == minor && v[2] >= patch);
    }

    private static int[] parseVersion(String version) {
        String[] parts = version.split("\\.");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }
}
