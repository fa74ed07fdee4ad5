package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.testing.ClaudeCodeCli;
import dev.cctelemetry.testing.ClaudeResult;
import dev.cctelemetry.testing.ClaudeRun;
import dev.cctelemetry.testing.FakeMessagesApi;
import dev.cctelemetry.testing.RequiredInCi;
import dev.cctelemetry.testing.ScriptedReply;
import dev.cctelemetry.web.testing.Browser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's promise with the real Claude Code CLI: hooks installed into a temp HOME, {@code cc-telemetry
 * dashboard} running, its page open in headless Chromium; a {@code claude -p} session against the loopback
 * {@link FakeMessagesApi} ends, its SessionEnd hook syncs, and the open page shows the new session and its cost
 * without a reload. Prints how long each took from Claude Code's exit ({@code -Dcct.dashboard.sessions=N} runs N
 * sessions, for the benchmark's median).
 */
class DashboardEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SONNET_45 = "claude-sonnet-4-5-20250929";
    private static final long VISIBLE_WITHIN_MILLIS = 20_000;

    @TempDir
    Path tmp;
    private final ClaudeCodeCli claude = ClaudeCodeCli.locate();
    private FakeMessagesApi api;
    private JarProcess cli;
    private Path userHome;
    private Process dashboard;

    @BeforeEach
    void setUp() throws Exception {
        RequiredInCi.assumeAvailable(claude.isAvailable(), claude.unavailableMessage());
        api = FakeMessagesApi.start();
        cli = new JarProcess(tmp.resolve("run"), Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""));
        userHome = tmp.resolve("run").resolve("user");
        JarProcess.Result setup = cli.run("setup-hooks");
        assertThat(setup.exitCode()).as(setup.stderr()).isZero();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (api != null) {
            api.stop();
        }
        if (dashboard != null) {
            dashboard.destroy();
            dashboard.waitFor(20, TimeUnit.SECONDS);
            dashboard.destroyForcibly();
        }
        // Hook workers run detached; stop every one started for this test's folders.
        DetachedProcesses.stopAllUnder(tmp);
    }

    @Test
    void aSessionThatEndsShowsOnTheOpenPageWithoutAReload() throws Exception {
        Path out = tmp.resolve("dashboard.out");
        dashboard = cli.start(List.of(), out, tmp.resolve("dashboard.err"), "dashboard", "--no-open");
        String url = firstLine(out);
        int sessions = Integer.getInteger("cct.dashboard.sessions", 1);
        List<Long> visibleAfter = new ArrayList<>();
        try (Browser browser = Browser.start(1280, 800)) {
            browser.login(url);
            String base = url.substring(0, url.indexOf("/?"));
            browser.open(base + "/sessions?range=all&tz=UTC");
            assertThat(browser.js("return document.getElementById('view').textContent").toString())
                    .contains("No usage recorded");
            browser.js("window.cctNoReload = 'still here'");

            for (int i = 1; i <= sessions; i++) {
                ScriptedReply reply = ScriptedReply.text("hello dashboard " + i,
                        new TokenCounts(1_000L * i, 500, 2_000, 3_000, 4_000));
                api.enqueue(reply);
                Path work = Files.createDirectories(tmp.resolve("work-" + i));
                ClaudeRun run = ClaudeRun.of("say hi " + i, userHome, work, api.baseUrl()).withModel(SONNET_45);
                ClaudeResult result = claude.run(run);
                long exited = System.nanoTime();
                assertThat(result.succeeded()).as(result.describe()).isTrue();
                String session = sessionId(run);

                long deadline = exited + TimeUnit.MILLISECONDS.toNanos(VISIBLE_WITHIN_MILLIS);
                boolean shown = false;
                while (System.nanoTime() < deadline) {
                    if (browser.js("return document.getElementById('view').textContent").toString()
                            .contains(session)) {
                        shown = true;
                        break;
                    }
                    Thread.sleep(50);
                }
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - exited);
                System.out.printf("dashboard: session %d (%s) visible %d ms after claude exited%n", i, session, ms);
                assertThat(shown).as("session " + session + " on the open page within " + VISIBLE_WITHIN_MILLIS
                        + " ms\n" + Files.readString(tmp.resolve("dashboard.err"))).isTrue();
                visibleAfter.add(ms);
                assertThat(browser.js("return window.cctNoReload")).as("no reload").isEqualTo("still here");
                String row = browser.js("return [...document.querySelectorAll('#view tbody tr')]"
                        + ".map(r => r.textContent).find(t => t.includes(arguments[0]))", session).toString();
                assertThat(row).contains(ReportFigures.money(ledgerCost(session)));
            }
            assertThat(browser.consoleErrors()).isEmpty();
        }
        List<Long> sorted = visibleAfter.stream().sorted().toList();
        System.out.printf("dashboard: SessionEnd -> visible over %d sessions: median %d ms, max %d ms%n",
                sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }

    private String firstLine(Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            if (lines.size() >= 2) {
                return lines.get(0);
            }
            assertThat(dashboard.isAlive()).as(Files.readString(tmp.resolve("dashboard.err"))).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("the dashboard printed no URL in 60 s");
    }

    private static String sessionId(ClaudeRun run) throws Exception {
        try (Stream<Path> files = Files.list(run.projectDir())) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".jsonl")).toList();
            assertThat(all).hasSize(1);
            return all.get(0).getFileName().toString().replace(".jsonl", "");
        }
    }

    private double ledgerCost(String session) throws Exception {
        JarProcess.Result r = cli.run("export", "--format", "jsonl");
        double sum = 0;
        for (String line : r.stdout().split("\n")) {
            if (!line.isBlank()) {
                JsonNode n = JSON.readTree(line);
                if (session.equals(n.path("sessionId").asText())) {
                    sum += n.path("costUSD").asDouble();
                }
            }
        }
        return sum;
    }
}
