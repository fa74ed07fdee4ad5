package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.testing.TranscriptBuilder;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cc-telemetry mcp} as Claude Code runs it: the jar started as a process, spoken to over stdio by the MCP
 * Java SDK's own client. Every tool's figures are checked against {@code report --json} over the same ledger.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SONNET = "claude-sonnet-4-20250514";
    private static final String OPUS = "claude-opus-4-20250514";
    private static final String S1 = "11111111-1111-4111-8111-111111111111";
    private static final String S2 = "22222222-2222-4222-8222-222222222222";
    private static final String S3 = "33333333-3333-4333-8333-333333333333";

    /** Static: a PER_CLASS instance's @TempDir field is not set yet when @BeforeAll runs. */
    @TempDir
    static Path tmp;
    private Path claude;
    private JarProcess cli;
    private McpSyncClient client;
    private LocalDate today;

    /** One ledger, one budget, one server for every test (each JVM start costs seconds on a loaded machine). */
    @BeforeAll
    void setUp() throws Exception {
        claude = tmp.resolve("claude-config");
        Instant now = Instant.now();
        today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // Two projects, two models, three sessions over five days; session 1 is running (the active block).
        TranscriptBuilder.session(S1).cwd("/home/user/projA").user("hi")
                .assistant("msg_1a", "req_1a", SONNET, iso(now.minus(Duration.ofMinutes(50))), 1200, 300, 5000,
                        20000, "end_turn")
                .assistant("msg_1b", "req_1b", SONNET, iso(now.minus(Duration.ofMinutes(10))), 800, 900, 0, 25000,
                        "end_turn")
                .writeTo(claude.resolve("projects/-home-user-projA/" + S1 + ".jsonl"));
        TranscriptBuilder.session(S2).cwd("/home/user/projB").user("plan")
                .assistant("msg_2a", "req_2a", OPUS, iso(now.minus(Duration.ofHours(27))), 3000, 4000, 10000,
                        50000, "end_turn")
                .writeTo(claude.resolve("projects/-home-user-projB/" + S2 + ".jsonl"));
        TranscriptBuilder.session(S3).cwd("/home/user/projA").user("old")
                .assistant("msg_3a", "req_3a", SONNET, iso(now.minus(Duration.ofDays(4))), 500, 100, 0, 0,
                        "end_turn")
                .writeTo(claude.resolve("projects/-home-user-projA/" + S3 + ".jsonl"));
        cli = new JarProcess(tmp.resolve("run"), Map.of("CLAUDE_CONFIG_DIR", claude.toString()));
        JarProcess.Result sync = cli.run("sync");
        assertThat(sync.exitCode()).as(sync.stderr()).isZero();
        JarProcess.Result budget = cli.run("budget", "set", "--daily", "0.01");
        assertThat(budget.exitCode()).as(budget.stderr()).isZero();
    }

    @AfterAll
    void tearDown() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    @Test
    void listsItsReadOnlyToolsWithTypedSchemas() {
        McpSchema.ListToolsResult tools = client().listTools();

        assertThat(tools.tools()).extracting(McpSchema.Tool::name).containsExactly("usage_summary", "top_sessions",
                "active_block", "compare_periods", "cost_forecast", "plan_limits", "budgets");
        for (McpSchema.Tool t : tools.tools()) {
            assertThat(t.annotations().readOnlyHint()).as(t.name()).isTrue();
            assertThat(t.inputSchema()).containsEntry("type", "object");
        }
        McpSchema.Tool summary = tools.tools().get(0);
        assertThat(JSON.valueToTree(summary.inputSchema().get("properties")).properties()).extracting(Map.Entry::getKey).contains("period", "days", "since", "until", "group_by",
                "scope");
        assertThat(client().getCurrentInitializationResult().serverInfo().name()).isEqualTo("cc-telemetry");
    }

    @Test
    void usageSummaryTotalsAndRowsEqualTheReports() throws Exception {
        String since = today.minusDays(6).toString();
        String until = today.toString();
        JsonNode daily = report("daily", "--since", since, "--until", until);
        JsonNode projects = report("projects", "--since", since, "--until", until);
        JsonNode models = report("models", "--since", since, "--until", until);

        JsonNode byDay = call("usage_summary", Map.of("period", "range", "since", since, "until", until,
                "group_by", "day"));
        JsonNode byProject = call("usage_summary", Map.of("period", "last_days", "days", 7, "group_by", "project"));
        JsonNode byModel = call("usage_summary", Map.of("period", "last_days", "days", 7, "group_by", "model"));

        assertSameFigures(byDay.get("totals"), daily.get("totals"));
        assertThat(byDay.get("totals").get("requests").asLong()).isEqualTo(4);
        assertThat(byDay.get("totals").get("sessions").asLong()).isEqualTo(3);
        assertThat(byDay.get("rows")).hasSize(daily.get("daily").size());
        for (int i = 0; i < daily.get("daily").size(); i++) {
            assertThat(byDay.get("rows").get(i).get("key").asText()).isEqualTo(daily.get("daily").get(i).get("date")
                    .asText());
            assertSameFigures(byDay.get("rows").get(i), daily.get("daily").get(i));
        }
        assertSameFigures(byProject.get("totals"), projects.get("totals"));
        assertThat(byProject.get("rows")).extracting(r -> r.get("label").asText())
                .containsExactlyInAnyOrder("/home/user/projA", "/home/user/projB");
        assertSameFigures(byModel.get("totals"), models.get("totals"));
        assertThat(byModel.get("rows")).extracting(r -> r.get("key").asText()).containsExactlyInAnyOrder(SONNET, OPUS);
        assertThat(byDay.get("period").get("timezone").asText()).isEqualTo("UTC");
    }

    @Test
    void topSessionsAreTheReportsSessionsByCost() throws Exception {
        JsonNode sessions = report("sessions");
        List<JsonNode> byCost = new ArrayList<>();
        sessions.get("sessions").forEach(byCost::add);
        byCost.sort((a, b) -> Double.compare(b.get("totalCost").asDouble(), a.get("totalCost").asDouble()));

        JsonNode top = call("top_sessions", Map.of("period", "all", "limit", 2));

        assertThat(top.get("sessionCount").asLong()).isEqualTo(3);
        assertThat(top.get("sessions")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(top.get("sessions").get(i).get("sessionId").asText())
                    .isEqualTo(byCost.get(i).get("sessionId").asText());
            assertSameFigures(top.get("sessions").get(i), byCost.get(i));
        }
        assertSameFigures(top.get("totals"), sessions.get("totals"));
    }

    @Test
    void activeBlockIsTheReportsActiveBlock() throws Exception {
        JsonNode active = null;
        for (JsonNode b : report("blocks").get("blocks")) {
            if (b.get("isActive").asBoolean()) {
                active = b;
            }
        }
        assertThat(active).as("report blocks shows an active block").isNotNull();

        JsonNode block = call("active_block", Map.of());

        assertThat(block.get("active").asBoolean()).isTrue();
        assertThat(block.get("startTime").asText()).isEqualTo(active.get("startTime").asText());
        assertThat(block.get("usage").get("totalCost").asDouble()).isEqualTo(active.get("costUSD").asDouble());
        assertThat(block.get("usage").get("totalTokens").asLong()).isEqualTo(active.get("totalTokens").asLong());
        assertThat(block.get("burnRate").get("costPerHour").asDouble())
                .isEqualTo(active.get("burnRate").get("costPerHour").asDouble());
        assertThat(block.get("projection").get("totalCost").asDouble())
                .isEqualTo(active.get("projection").get("totalCost").asDouble());
    }

    @Test
    void comparedPeriodsEachEqualTheirReport() throws Exception {
        String recentSince = today.minusDays(1).toString();
        String olderSince = today.minusDays(5).toString();
        String olderUntil = today.minusDays(2).toString();
        JsonNode recent = report("daily", "--since", recentSince, "--until", today.toString());
        JsonNode older = report("daily", "--since", olderSince, "--until", olderUntil);

        JsonNode compared = call("compare_periods", Map.of("period", "range", "since", recentSince,
                "until", today.toString(), "baseline", Map.of("period", "range", "since", olderSince,
                        "until", olderUntil)));

        assertSameFigures(compared.get("current").get("totals"), recent.get("totals"));
        assertSameFigures(compared.get("baseline").get("totals"), older.get("totals"));
        assertThat(compared.get("change").get("totalCost").asDouble()).isEqualTo(
                compared.get("current").get("totals").get("totalCost").asDouble()
                        - compared.get("baseline").get("totals").get("totalCost").asDouble());
    }

    @Test
    void forecastStartsFromWhatTheMonthHasCostSoFar() throws Exception {
        JsonNode month = report("daily", "--since", today.withDayOfMonth(1).toString(), "--until", today.toString());
        JsonNode pace = report("daily", "--since", today.minusDays(7).toString(), "--until",
                today.minusDays(1).toString());

        JsonNode forecast = call("cost_forecast", Map.of("horizon", "end_of_month"));

        assertSameFigures(forecast.get("spent"), month.get("totals"));
        assertSameFigures(forecast.get("paceTotals"), pace.get("totals"));
        assertThat(forecast.get("dailyPaceCost").asDouble())
                .isCloseTo(pace.get("totals").get("totalCost").asDouble() / 7, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(forecast.get("forecastCost").asDouble()).isGreaterThanOrEqualTo(
                month.get("totals").get("totalCost").asDouble());
    }

    @Test
    void budgetsAndPlanLimitsAreWhatTheirCommandsSay() throws Exception {
        JsonNode day = report("daily", "--since", today.toString(), "--until", today.toString());
        JsonNode limits = report("limits");

        JsonNode budgets = call("budgets", Map.of());
        JsonNode planLimits = call("plan_limits", Map.of());

        JsonNode daily = budgets.get("budgets").get(0);
        assertThat(daily.get("period").asText()).isEqualTo("day");
        assertThat(daily.get("amountUsd").asDouble()).isEqualTo(0.01);
        double spent = day.get("totals").get("totalCost").asDouble();
        assertThat(daily.get("spentUsd").asDouble()).isEqualTo(spent);
        assertThat(daily.get("exceeded").asBoolean()).isEqualTo(spent >= 0.01);
        assertThat(budgets.get("summary").asText()).contains("$0.01 per day");
        assertThat(planLimits.get("windows")).isEqualTo(limits.get("windows"));
        assertThat(planLimits.get("summary").asText()).contains("No plan-limit readings yet");
    }

    @Test
    void badArgumentsAreAnErrorResultNamingTheArgumentAndTheServerGoesOn() throws Exception {
        CallToolResult bad = client().callTool(request("usage_summary", Map.of("period", "range", "since", "last tuesday")));
        CallToolResult noRange = client().callTool(request("usage_summary", Map.of("period", "range")));
        CallToolResult allMachines = client().callTool(request("usage_summary", Map.of("scope", "all_machines")));
        JsonNode fine = call("usage_summary", Map.of("period", "all"));

        assertThat(bad.isError()).isTrue();
        assertThat(text(bad)).contains("since");
        assertThat(noRange.isError()).isTrue();
        assertThat(text(noRange)).contains("since and/or until");
        assertThat(allMachines.isError()).isTrue();
        assertThat(text(allMachines)).contains("no shared store configured");
        assertSameFigures(fine.get("totals"), report("daily").get("totals"));
    }

    @Test
    void stdoutCarriesOnlyJsonRpcAndDiscoveryGetsMethodNotFound() throws Exception {
        Process p = cli.start(List.of(), tmp.resolve("raw-out.txt"), tmp.resolve("raw-err.txt"), "mcp");
        try (OutputStream in = p.getOutputStream()) {
            for (String line : List.of(
                    "{\"jsonrpc\":\"2.0\",\"id\":\"server-discover-probe-1\",\"method\":\"server/discover\",\"params\":{}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"usage_summary\","
                            + "\"arguments\":{\"period\":\"all\"}}}")) {
                in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            waitForLines(tmp.resolve("raw-out.txt"), 3);
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exits when stdin closes").isTrue();
        assertThat(p.exitValue()).isZero();

        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(tmp.resolve("raw-out.txt"), StandardCharsets.UTF_8)) {
            out.add(JSON.readTree(line)); // throws on anything that is not JSON
        }
        assertThat(out).allMatch(m -> m.get("jsonrpc").asText().equals("2.0"));
        assertThat(out.get(0).get("error").get("code").asInt()).isEqualTo(-32601);
        assertThat(out.get(1).get("result").get("protocolVersion").asText()).isEqualTo("2025-11-25");
        assertThat(out.get(2).get("result").get("isError").asBoolean()).isFalse();
    }

    private static void waitForLines(Path file, int lines) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readAllLines(file, StandardCharsets.UTF_8).size() >= lines) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + lines + " lines in " + file + ": " + Files.readString(file));
    }

    private McpSyncClient client() {
        if (client == null) {
            ServerParameters server = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString())
                    .args("-Duser.home=" + tmp.resolve("run/user"), "-jar", JarProcess.jar().toString(), "mcp")
                    .env(Map.of("HOME", tmp.resolve("run/user").toString(),
                            "CC_TELEMETRY_HOME", cli.telemetryHome().toString(),
                            "CLAUDE_CONFIG_DIR", claude.toString(), "TZ", "UTC"))
                    .build();
            client = McpClient.sync(new StdioClientTransport(server, new JacksonMcpJsonMapper(JSON)))
                    .requestTimeout(Duration.ofSeconds(60)).initializationTimeout(Duration.ofSeconds(60)).build();
            client.initialize();
        }
        return client;
    }

    /** Calls a tool and returns its structured result, after checking it succeeded and said something. */
    private JsonNode call(String tool, Map<String, Object> arguments) {
        CallToolResult result = client().callTool(request(tool, arguments));
        assertThat(result.isError()).as(text(result)).isFalse();
        assertThat(text(result)).isNotBlank();
        return JSON.valueToTree(result.structuredContent());
    }

    private static McpSchema.CallToolRequest request(String tool, Map<String, Object> arguments) {
        return McpSchema.CallToolRequest.builder(tool).arguments(arguments).build();
    }

    private static String text(CallToolResult result) {
        StringBuilder s = new StringBuilder();
        result.content().forEach(c -> s.append(c instanceof McpSchema.TextContent t ? t.text() : c.toString()));
        return s.toString();
    }

    private JsonNode report(String kind, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("report", kind, "--json", "--no-sync", "--timezone", "UTC"));
        args.addAll(List.of(options));
        JarProcess.Result r = cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return JSON.readTree(r.stdout());
    }

    /** The same tokens of every kind and the same cost, as {@code report --json} names them. */
    private static void assertSameFigures(JsonNode actual, JsonNode expected) {
        for (String key : List.of("inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens",
                "totalTokens")) {
            assertThat(actual.get(key).asLong()).as(key).isEqualTo(expected.get(key).asLong());
        }
        assertThat(actual.get("totalCost").asDouble()).as("totalCost").isEqualTo(expected.get("totalCost").asDouble());
        assertThat(actual.get("totalCost").asDouble()).as("a priced cost").isPositive();
    }

    private static String iso(Instant t) {
        return t.toString();
    }
}
