package dev.cctelemetry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.core.usage.TokenCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the real Claude Code CLI registers, lists, permits and calls a stdio MCP server ({@link ScriptedMcpServer}),
 * with {@link FakeMessagesApi} asking for the MCP tool by name. The facts these tests hold are written on
 * {@link ScriptedMcpServer}. Skipped without the CLI or node (failed instead under CI=true).
 */
class ClaudeMcpTest {

    private static final String SERVER = "scripted";
    private static final String TOOL = "usage_summary";
    private static final String QUALIFIED = "mcp__" + SERVER + "__" + TOOL;
    private static final String RESULT = "Today: 1,234 tokens, $0.56";

    private final ObjectMapper mapper = new ObjectMapper();
    private ScriptedMcpServer server;

    @RegisterExtension
    final RealClaudeCode claude = RealClaudeCode.cli();

    @TempDir
    Path tmp;

    @BeforeEach
    void writeServer() {
        RequiredInCi.assumeAvailable(ScriptedMcpServer.findNode().isPresent(), "node not found on PATH");
        server = ScriptedMcpServer.create(tmp.resolve("server"), TOOL, RESULT);
    }

    @Test
    void userScopeRegistrationGoesIntoClaudeJsonAndListShowsTheServerConnected() throws IOException {
        ClaudeRun run = newRun();
        Files.writeString(run.home().resolve(".claude.json"), "{\"someUserKey\":42}");

        ClaudeResult add = add(run);
        ClaudeResult again = add(run);
        ClaudeResult list = claude.runner().exec(run, List.of("mcp", "list"));

        assertThat(add.succeeded()).as(add.describe()).isTrue();
        assertThat(add.stdout()).contains("Added stdio MCP server " + SERVER).contains("to user config");
        JsonNode config = mapper.readTree(run.home().resolve(".claude.json").toFile());
        assertThat(config.path("someUserKey").asInt()).isEqualTo(42);
        JsonNode entry = config.path("mcpServers").path(SERVER);
        assertThat(entry.path("type").asText()).isEqualTo("stdio");
        assertThat(entry.path("command").asText()).isEqualTo(server.command().get(0));
        List<String> args = new ArrayList<>();
        entry.path("args").forEach(a -> args.add(a.asText()));
        assertThat(args).isEqualTo(server.command().subList(1, server.command().size()));
        assertThat(files(run.home().resolve(".claude"))).as("user settings untouched")
                .noneMatch(p -> p.endsWith("settings.json"));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.stdout() + again.stderr()).contains("already exists in user config");
        assertThat(list.succeeded()).as(list.describe()).isTrue();
        assertThat(list.stdout()).containsPattern(SERVER + ": .*node.* - ✔ Connected");
        assertThat(server.received()).extracting(m -> m.path("method").asText())
                .startsWith("server/discover", "initialize", "notifications/initialized", "tools/list");
        assertThat(server.received().get(1).path("params").path("protocolVersion").asText()).isEqualTo("2025-11-25");
    }

    @Test
    void allowedMcpToolCalledByNameReturnsTheServersResultToTheApi() throws IOException {
        ClaudeRun run = newRun().withAllowedTools(QUALIFIED);
        assertThat(add(run).succeeded()).isTrue();
        ScriptedReply call = ScriptedReply.toolUse(QUALIFIED, mapper.createObjectNode().put("period", "today"),
                new TokenCounts(30, 10, 0, 0, 0));
        claude.api().enqueue(call, ScriptedReply.text("You used 1,234 tokens today.", new TokenCounts(50, 9, 0, 0, 0)));

        ClaudeResult result = claude.runner().run(run);

        assertThat(result.succeeded()).as(result.describe()).isTrue();
        assertThat(claude.api().messageRequestCount()).isEqualTo(2);
        ToolResult returned = claude.api().messageRequests().get(1).toolResult(call.toolUseId()).orElseThrow();
        assertThat(returned.isError()).isFalse();
        assertThat(returned.text()).isEqualTo(RESULT);
        assertThat(server.toolCalls()).hasSize(1);
        JsonNode params = server.toolCalls().get(0).path("params");
        assertThat(params.path("name").asText()).isEqualTo(TOOL);
        assertThat(params.path("arguments")).isEqualTo(call.toolCall().orElseThrow().input());
        assertThat(params.path("_meta").path("claudecode/toolUseId").asText()).isEqualTo(call.toolUseId());
        assertThat(claude.api().messageRequests().get(0).body().toString()).as("the model is told the tool's name")
                .contains(QUALIFIED);
    }

    @Test
    void mcpToolWithoutPermissionIsRefusedAndNeverReachesTheServer() throws IOException {
        ClaudeRun run = newRun();
        assertThat(add(run).succeeded()).isTrue();
        ScriptedReply call = ScriptedReply.toolUse(QUALIFIED, mapper.createObjectNode().put("period", "today"),
                new TokenCounts(30, 10, 0, 0, 0));
        claude.api().enqueue(call, ScriptedReply.text("Not allowed.", new TokenCounts(50, 9, 0, 0, 0)));

        ClaudeResult result = claude.runner().run(run);

        assertThat(result.succeeded()).as(result.describe()).isTrue();
        ToolResult refused = claude.api().messageRequests().get(1).toolResult(call.toolUseId()).orElseThrow();
        assertThat(refused.isError()).isTrue();
        assertThat(refused.text()).doesNotContain(RESULT);
        assertThat(server.toolCalls()).isEmpty();
    }

    @Test
    void serverWidePermissionRuleInSettingsAllowsEveryToolOfTheServer() throws IOException {
        ClaudeRun run = newRun();
        assertThat(add(run).succeeded()).isTrue();
        Files.writeString(Files.createDirectories(run.home().resolve(".claude")).resolve("settings.json"),
                "{\"permissions\":{\"allow\":[\"mcp__" + SERVER + "\"]}}");
        ScriptedReply call = ScriptedReply.toolUse(QUALIFIED, mapper.createObjectNode().put("period", "week"),
                new TokenCounts(30, 10, 0, 0, 0));
        claude.api().enqueue(call, ScriptedReply.text("Done.", new TokenCounts(50, 9, 0, 0, 0)));

        ClaudeResult result = claude.runner().run(run);

        assertThat(result.succeeded()).as(result.describe()).isTrue();
        assertThat(claude.api().messageRequests().get(1).toolResult(call.toolUseId()).orElseThrow().text()).isEqualTo(RESULT);
        assertThat(server.toolCalls()).hasSize(1);
    }

    private ClaudeResult add(ClaudeRun run) {
        List<String> args = new ArrayList<>(List.of("mcp", "add", "--scope", "user", SERVER, "--"));
        args.addAll(server.command());
        return claude.runner().exec(run, args);
    }

    private ClaudeRun newRun() {
        return claude.newRun("use the usage tool", tmp);
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
