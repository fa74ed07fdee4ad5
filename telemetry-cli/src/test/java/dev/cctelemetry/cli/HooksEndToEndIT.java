package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.core.usage.LineOrigin;
import dev.cctelemetry.core.usage.ParsedLine;
import dev.cctelemetry.core.usage.SessionCostState;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.TranscriptLineParser;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.testing.ClaudeCodeCli;
import dev.cctelemetry.testing.ClaudeResult;
import dev.cctelemetry.testing.ClaudeRun;
import dev.cctelemetry.testing.FakeMessagesApi;
import dev.cctelemetry.testing.RequiredInCi;
import dev.cctelemetry.testing.ScriptedReply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headline path with the real Claude Code CLI: {@code setup-hooks} into a temp HOME, real {@code claude -p}
 * sessions against the loopback {@link FakeMessagesApi}, and the ledger filled by the hooks alone (no manual sync),
 * checked against the usage the fake API sent, the transcript's own {@code cost-state}, and Claude Code's own
 * measurement of the hook's duration.
 */
class HooksEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SONNET_45 = "claude-sonnet-4-5-20250929";
    private static final long LEDGER_WAIT_MILLIS = 15_000;
    private static final long HOOK_DURATION_LIMIT_MS = 1_000;

    @TempDir
    Path tmp;
    private final ClaudeCodeCli claude = ClaudeCodeCli.locate();
    private FakeMessagesApi api;
    private JarProcess cli;
    private Path userHome;

    @BeforeEach
    void setUp() throws Exception {
        RequiredInCi.assumeAvailable(claude.isAvailable(), claude.unavailableMessage());
        api = FakeMessagesApi.start();
        cli = new JarProcess(tmp.resolve("run"), Map.of());
        userHome = tmp.resolve("run").resolve("user");
        JarProcess.Result setup = cli.run("setup-hooks");
        assertThat(setup.exitCode()).as(setup.stderr()).isZero();
        assertThat(setup.stdout()).contains("Restart running Claude Code sessions");
        // The worker JVMs of every hook below start from the class-data archive made here (checked by -Xshare:on).
        assertThat(setup.stdout()).containsPattern("Archive: +\\S+\\.jar\\.jsa \\(made");
    }

    @AfterEach
    void tearDown() {
        if (api != null) {
            api.stop();
        }
        // Hook workers and debounce trailers run detached; stop every one started for this test's folders.
        DetachedProcesses.stopAllUnder(tmp);
    }

    @Test
    void textTurnReachesTheLedgerThroughTheHooksAlone() throws Exception {
        ScriptedReply reply = ScriptedReply.text("Hello through the hooks", new TokenCounts(11, 7, 10, 20, 40));
        api.enqueue(reply);

        Session s = runSession("say hi", "text", null, false);

        s.assertLedgerHoldsExactly(Map.of(reply.messageId(), reply.usage()));
    }

    @Test
    void bashToolTurnRecordsBothApiCalls() throws Exception {
        ScriptedReply tool = ScriptedReply.bash("echo hi", new TokenCounts(101, 23, 500, 0, 0));
        ScriptedReply done = ScriptedReply.text("The command printed hi.", new TokenCounts(7, 9, 0, 60, 500));
        api.enqueue(tool, done);

        Session s = runSession("run echo hi", "tool", null, true);

        s.assertLedgerHoldsExactly(Map.of(tool.messageId(), tool.usage(), done.messageId(), done.usage()));
    }

    @Test
    void pricedModelCostEqualsClaudeCodesOwnCost() throws Exception {
        ScriptedReply reply = ScriptedReply.text("priced", new TokenCounts(1_000, 500, 2_000, 3_000, 4_000));
        api.enqueue(reply);

        Session s = runSession("price me", "sonnet", SONNET_45, false);

        s.assertLedgerHoldsExactly(Map.of(reply.messageId(), reply.usage()));
        double ledgerCost = s.ledger.stream().mapToDouble(r -> r.path("costUSD").asDouble()).sum();
        double own = s.costState.modelCosts().get(SONNET_45).costUsd();
        System.out.printf("sonnet-4.5 via hooks: ledger cost %.12f, Claude Code costUSD %.12f%n", ledgerCost, own);
        assertThat(ledgerCost).isCloseTo(own, offset(1e-9));
    }

    /** One finished session: its transcript as read and its ledger rows once they match. */
    private final class Session {
        final String id;
        final List<UsageRecord> usages;
        final SessionCostState costState;
        final List<JsonNode> lines;
        List<JsonNode> ledger = List.of();

        Session(String id, List<UsageRecord> usages, SessionCostState costState, List<JsonNode> lines) {
            this.id = id;
            this.usages = usages;
            this.costState = costState;
            this.lines = lines;
        }

        void assertLedgerHoldsExactly(Map<String, TokenCounts> sent) throws Exception {
            Map<String, TokenCounts> inTranscript = new LinkedHashMap<>();
            usages.forEach(u -> inTranscript.put(u.key().messageId(), u.tokens()));
            assertThat(inTranscript).as("the transcript holds what the API sent").isEqualTo(sent);

            long deadline = System.nanoTime() + LEDGER_WAIT_MILLIS * 1_000_000;
            long t0 = System.nanoTime();
            Map<String, TokenCounts> inLedger = Map.of();
            while (System.nanoTime() < deadline) {
                ledger = ledgerRows(id);
                inLedger = tokensById(ledger);
                if (inLedger.equals(sent)) {
                    break;
                }
                Thread.sleep(200);
            }
            System.out.printf("session %s: ledger matched %d ms after claude exited%n", id,
                    (System.nanoTime() - t0) / 1_000_000);
            assertThat(inLedger).as("ledger rows of session " + id + "\nhook log:\n" + hookLog() + "\nsystem lines: "
                    + lines.stream().filter(l -> "system".equals(l.path("type").asText())).toList())
                    .isEqualTo(sent);

            Map<String, TokenCounts> perModel = new HashMap<>();
            for (JsonNode r : ledger) {
                perModel.merge(r.path("model").asText(), tokens(r), TokenCounts::plus);
            }
            Map<String, TokenCounts> own = new HashMap<>();
            costState.modelCosts().forEach((m, c) -> own.put(m, c.tokens()));
            assertThat(perModel).as("ledger per model = the transcript's cost-state").isEqualTo(own);

            List<JsonNode> summaries = lines.stream().filter(l -> "system".equals(l.path("type").asText())
                    && "stop_hook_summary".equals(l.path("subtype").asText())).toList();
            assertThat(summaries).as("stop_hook_summary lines").isNotEmpty();
            for (JsonNode sm : summaries) {
                for (JsonNode info : sm.path("hookInfos")) {
                    long ms = info.path("durationMs").asLong(-1);
                    System.out.printf("session %s: Claude Code measured the Stop hook at %d ms (%s)%n", id, ms,
                            info.path("command").asText());
                    assertThat(info.path("command").asText()).contains("cc-telemetry-stop.sh");
                    assertThat(ms).isBetween(0L, HOOK_DURATION_LIMIT_MS);
                }
            }
            // The worker records its outcome after its last commit: the ledger can match a moment before.
            Path status = cli.telemetryHome().resolve("state/hook-last-success.json");
            while (!Files.exists(status) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(status)).contains("\"ok\":true");
        }
    }

    private Session runSession(String prompt, String name, String model, boolean bash) throws IOException {
        Path work = Files.createDirectories(tmp.resolve("work-" + name));
        ClaudeRun run = ClaudeRun.of(prompt, userHome, work, api.baseUrl());
        if (model != null) {
            run = run.withModel(model);
        }
        if (bash) {
            run = run.withAllowedTools("Bash");
        }
        ClaudeResult result = claude.run(run);
        assertThat(result.succeeded()).as(result.describe()).isTrue();
        Path transcript;
        try (Stream<Path> files = Files.list(run.projectDir())) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".jsonl")).toList();
            assertThat(all).hasSize(1);
            transcript = all.get(0);
        }
        return read(transcript, run);
    }

    private Session read(Path file, ClaudeRun run) throws IOException {
        TranscriptLineParser parser = new TranscriptLineParser();
        String session = file.getFileName().toString().replace(".jsonl", "");
        LineOrigin origin = new LineOrigin(run.home().resolve(".claude").toString(), file.toString(),
                run.projectDir().getFileName().toString(), session);
        List<JsonNode> lines = new ArrayList<>();
        Map<String, UsageRecord> usages = new LinkedHashMap<>();
        SessionCostState state = null;
        long offset = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            lines.add(JSON.readTree(bytes));
            ParsedLine parsed = parser.parse(bytes, 0, bytes.length, origin, offset);
            if (parsed instanceof ParsedLine.Usage u) {
                usages.put(u.record().key().messageId(), u.record()); // the last copy of a streamed message wins
            } else if (parsed instanceof ParsedLine.CostState c) {
                state = c.state();
            }
            offset += bytes.length + 1;
        }
        assertThat(state).as("cost-state line in " + file).isNotNull();
        return new Session(session, List.copyOf(usages.values()), state, lines);
    }

    private List<JsonNode> ledgerRows(String session) throws Exception {
        JarProcess.Result r = cli.run("export", "--format", "jsonl");
        if (r.exitCode() != 0) {
            return List.of();
        }
        List<JsonNode> rows = new ArrayList<>();
        for (String line : r.stdout().lines().toList()) {
            JsonNode n = JSON.readTree(line);
            if (session.equals(n.path("sessionId").asText())) {
                rows.add(n);
            }
        }
        return rows;
    }

    private static Map<String, TokenCounts> tokensById(List<JsonNode> rows) {
        Map<String, TokenCounts> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.path("messageId").asText(), tokens(r)));
        return out;
    }

    private static TokenCounts tokens(JsonNode r) {
        return new TokenCounts(r.path("inputTokens").asLong(), r.path("outputTokens").asLong(),
                r.path("cacheWrite5mTokens").asLong(), r.path("cacheWrite1hTokens").asLong(),
                r.path("cacheReadTokens").asLong());
    }

    /** What the hooks left behind, for a failure message. */
    private String hookLog() {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(cli.telemetryHome())) {
            s.forEach(p -> sb.append(p).append('\n'));
        } catch (IOException e) {
            sb.append("(no telemetry home)\n");
        }
        for (String name : List.of("logs/hook-sync.log", "logs/hook-script.log")) {
            try {
                sb.append(name).append(":\n").append(Files.readString(cli.telemetryHome().resolve(name)));
            } catch (IOException e) {
                sb.append("(no ").append(name).append(")\n");
            }
        }
        return sb.toString();
    }
}
