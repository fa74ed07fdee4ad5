package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.testing.ClaudeCodeCli;
import dev.cctelemetry.testing.ClaudeResult;
import dev.cctelemetry.testing.ClaudeRun;
import dev.cctelemetry.testing.FakeMessagesApi;
import dev.cctelemetry.testing.RequiredInCi;
import dev.cctelemetry.testing.ScriptedReply;
import dev.cctelemetry.testing.ToolResult;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP server with the real Claude Code CLI: {@code setup-hooks --mcp} registers it in a temp HOME's
 * {@code .claude.json}, {@code claude mcp list} starts it and shows it connected, and a {@code claude -p} session
 * against the loopback {@link FakeMessagesApi} that asks for {@code usage_summary} gets our answer, in the API
 * request and in the session's transcript, with the totals {@code report --json} prints.
 */
class McpClaudeCodeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOOL = "mcp__cc-telemetry__usage_summary";
    private static final String EARLIER = "44444444-4444-4444-8444-444444444444";

    @TempDir
    Path tmp;
    private final ClaudeCodeCli claude = ClaudeCodeCli.locate();
    private FakeMessagesApi api;
    private JarProcess cli;
    private Path home;

    @BeforeEach
    void setUp() throws Exception {
        RequiredInCi.assumeAvailable(claude.isAvailable(), claude.unavailableMessage());
        home = tmp.resolve("run").resolve("user");
        // The telemetry home Claude Code's children see: HOME's default, which the registration names too.
        cli = new JarProcess(tmp.resolve("run"), Map.of("CC_TELEMETRY_HOME",
                home.resolve(".claude-telemetry").toString()));
        TranscriptBuilder.session(EARLIER).cwd("/home/user/earlier").user("earlier work")
                .assistant("msg_e1", "req_e1", "claude-sonnet-4-20250514", "2026-01-05T10:00:00.000Z", 1_000, 2_000,
                        30_000, 400_000, "end_turn")
                .writeTo(home.resolve(".claude/projects/-home-user-earlier/" + EARLIER + ".jsonl"));
        api = FakeMessagesApi.start();
    }

    @AfterEach
    void tearDown() {
        if (api != null) {
            api.stop();
        }
        // Hook workers run detached; stop every one started for this test's folders.
        DetachedProcesses.stopAllUnder(tmp);
    }

    @Test
    void registeredServerIsConnectedAndItsAnswerReachesTheTranscriptWithTheReportsTotals() throws Exception {
        JarProcess.Result setup = cli.run("setup-hooks", "--mcp");
        assertThat(setup.exitCode()).as(setup.stderr()).isZero();
        assertThat(setup.stdout()).contains("MCP:      server 'cc-telemetry' in " + home.resolve(".claude.json"));
        JarProcess.Result sync = cli.run("sync");
        assertThat(sync.exitCode()).as(sync.stderr()).isZero();
        JsonNode totals = JSON.readTree(cli.run("report", "daily", "--json", "--no-sync").stdout()).get("totals");

        ClaudeRun run = ClaudeRun.of("what did I spend?", home, Files.createDirectories(tmp.resolve("work")),
                api.baseUrl()).withAllowedTools("mcp__cc-telemetry").withTimeout(Duration.ofSeconds(90));
        ClaudeResult list = claude.exec(run, List.of("mcp", "list"));
        ScriptedReply call = ScriptedReply.toolUse(TOOL, JSON.createObjectNode().put("period", "all"),
                new TokenCounts(30, 10, 0, 0, 0));
        api.enqueue(call, ScriptedReply.text("You spent it on earlier work.", new TokenCounts(50, 9, 0, 0, 0)));
        ClaudeResult session = claude.run(run);

        assertThat(list.succeeded()).as(list.describe()).isTrue();
        assertThat(list.stdout()).containsPattern("cc-telemetry: .*java.* mcp - ✔ Connected");
        assertThat(session.succeeded()).as(session.describe()).isTrue();
        ToolResult sent = api.messageRequests().get(1).toolResult(call.toolUseId()).orElseThrow();
        assertThat(sent.isError()).as(sent.text()).isFalse();
        String expected = "Total: " + ReportFigures.money(totals.get("totalCost").asDouble()) + " · "
                + ReportFigures.count(totals.get("totalTokens").asLong()) + " tokens ("
                + ReportFigures.count(totals.get("inputTokens").asLong()) + " input, "
                + ReportFigures.count(totals.get("outputTokens").asLong()) + " output, "
                + ReportFigures.count(totals.get("cacheCreationTokens").asLong()) + " cache write, "
                + ReportFigures.count(totals.get("cacheReadTokens").asLong()) + " cache read) · 1 request · 1 session";
        assertThat(totals.get("totalTokens").asLong()).isEqualTo(433_000);
        // Claude Code passes the structured content on as the result (the text leads it as "summary").
        for (String result : List.of(sent.text(), transcriptToolResult(run, call.toolUseId()))) {
            JsonNode answer = JSON.readTree(result);
            assertThat(answer.get("summary").asText()).contains(expected);
            for (String key : List.of("inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens",
                    "totalTokens", "totalCost")) {
                assertThat(answer.get("totals").get(key)).as(key).isEqualTo(totals.get(key));
            }
        }
    }

    @Test
    void removeHooksUnregistersOnlyOurServer() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve(".claude.json"), "\uFEFF{\"numStartups\":3,\"mcpServers\":{\"other\":"
                + "{\"type\":\"stdio\",\"command\":\"other-server\",\"args\":[],\"env\":{}}}}");
        assertThat(cli.run("setup-hooks", "--mcp").exitCode()).isZero();
        String written = Files.readString(home.resolve(".claude.json"), StandardCharsets.UTF_8);
        JsonNode registered = JSON.readTree(written.substring(1));
        ClaudeRun run = ClaudeRun.of("unused", home, Files.createDirectories(tmp.resolve("work")), api.baseUrl())
                .withTimeout(Duration.ofSeconds(60));
        ClaudeResult list = claude.exec(run, List.of("mcp", "list"));

        JarProcess.Result removed = cli.run("remove-hooks", "--mcp");

        assertThat(written).as("the BOM kept").startsWith("\uFEFF");
        assertThat(registered.get("numStartups").asInt()).isEqualTo(3);
        assertThat(registered.get("mcpServers").get("cc-telemetry").get("env").get("CC_TELEMETRY_HOME").asText())
                .isEqualTo(home.resolve(".claude-telemetry").toString());
        assertThat(list.stdout()).containsPattern("cc-telemetry: .* - ✔ Connected").contains("other:");
        assertThat(removed.exitCode()).as(removed.stderr()).isZero();
        // Claude Code rewrote the file meanwhile (without the BOM, with keys of its own).
        String after = Files.readString(home.resolve(".claude.json"), StandardCharsets.UTF_8).replace("\uFEFF", "");
        JsonNode servers = JSON.readTree(after).get("mcpServers");
        assertThat(servers.has("cc-telemetry")).isFalse();
        assertThat(servers.get("other").get("command").asText()).isEqualTo("other-server");
        assertThat(Files.readString(home.resolve(".claude/settings.json"))).as("hooks kept").contains("Stop");
    }

    /** The text of the tool result for {@code toolUseId} in the session's transcript. */
    private static String transcriptToolResult(ClaudeRun run, String toolUseId) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(run.projectDir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.contains(toolUseId) || !line.contains("tool_result")) {
                        continue;
                    }
                    for (JsonNode block : JSON.readTree(line).path("message").path("content")) {
                        if (toolUseId.equals(block.path("tool_use_id").asText())) {
                            block.path("content").forEach(c -> text.append(c.path("text").asText()));
                            if (block.path("content").isTextual()) {
                                text.append(block.path("content").asText());
                            }
                        }
                    }
                }
            }
        }
        return text.toString();
    }
}
