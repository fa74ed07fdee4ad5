package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.testing.ClaudeAuth;
import dev.cctelemetry.testing.ClaudeRun;
import dev.cctelemetry.testing.ClaudeTmuxSession;
import dev.cctelemetry.testing.PlanLimitHeaders;
import dev.cctelemetry.testing.PlanLimitWindow;
import dev.cctelemetry.testing.RealClaudeCode;
import dev.cctelemetry.testing.ScriptedReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's end-to-end test: the shipped jar's {@code setup-hooks --statusline} in a temp HOME and telemetry home,
 * then the real Claude Code CLI, interactive in tmux, one turn against the loopback {@code FakeMessagesApi} sending
 * five_hour and seven_day plan-limit headers to a gateway-token session (the only kind whose statusLine payload
 * carries {@code rate_limits}, CLAUDE-CODE.md section 3). Claude Code then runs our status line: the pane shows
 * our line with the limit percentages, and {@code report limits --json} holds the readings the status line
 * recorded. In the chained case the user's own statusLine runs first, with the same payload, and its output shows
 * above ours. Fails (not skips) under CI=true without the CLI or tmux.
 */
class StatuslineClaudeCodeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String THEIRS = "THEIR-OWN-STATUS-LINE";

    @RegisterExtension
    final RealClaudeCode claude = RealClaudeCode.inTmux();

    @TempDir
    Path tmp;
    private JarProcess cli;
    private Path user;
    private Instant fiveHourReset;
    private Instant sevenDayReset;
    private ScriptedReply reply;
    private ClaudeRun run;

    @BeforeEach
    void setUp() {
        cli = new JarProcess(tmp.resolve("run"), Map.of());
        user = tmp.resolve("run").resolve("user");
        // Claude Code keeps a window only while its reset is ahead of its own (real) clock.
        fiveHourReset = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        sevenDayReset = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        claude.api().sendPlanLimits(PlanLimitHeaders.none()
                .with(PlanLimitWindow.FIVE_HOUR, 0.42, fiveHourReset)
                .with(PlanLimitWindow.SEVEN_DAY, 0.173, sevenDayReset));
        reply = ScriptedReply.text("Hello from the limits test", new TokenCounts(12, 5, 0, 0, 0));
        claude.api().enqueue(reply);
    }

    @AfterEach
    void stopHookWorkers() {
        // The Stop and SessionEnd workers run detached; stop every one started for this test's folders.
        DetachedProcesses.stopAllUnder(tmp);
    }

    @Test
    void ourStatusLineShowsThePlanLimitsOfTheTurnAndReportLimitsHoldsThem() throws Exception {
        JarProcess.Result setup = cli.run("setup-hooks", "--statusline");
        assertThat(setup.exitCode()).as(setup.stdout() + setup.stderr()).isZero();

        String screen = oneTurn();

        String ours = lineWith(screen, "5h 42%");
        assertThat(ours).contains(expectedLimits());
        assertThat(screen).doesNotContain(THEIRS);
        assertReportLimitsHoldsTheReadings();
    }

    @Test
    void aChainedStatusLineOfTheUsersShowsFirstWithTheSamePayloadAndOursAfterIt() throws Exception {
        Path payloadSeen = tmp.resolve("their-payload.json");
        Path settings = Files.createDirectories(user.resolve(".claude")).resolve("settings.json");
        Files.writeString(settings, JSON.createObjectNode().set("statusLine", JSON.createObjectNode()
                .put("type", "command").put("command", "cat > '" + payloadSeen + "'; echo " + THEIRS)).toString());
        JarProcess.Result setup = cli.run("setup-hooks", "--statusline", "--existing-statusline", "chain");
        assertThat(setup.exitCode()).as(setup.stdout() + setup.stderr()).isZero();

        String screen = oneTurn();

        String ours = lineWith(screen, "5h 42%");
        assertThat(ours).contains(expectedLimits()).doesNotContain(THEIRS);
        assertThat(screen.indexOf(THEIRS)).as("theirs shows above ours:\n" + screen).isNotNegative()
                .isLessThan(screen.indexOf(ours));
        JsonNode theirPayload = JSON.readTree(payloadSeen.toFile());
        assertThat(theirPayload.path("rate_limits").path("five_hour").path("used_percentage").asDouble())
                .as("their statusLine got Claude Code's payload").isEqualTo(42.0);
        assertReportLimitsHoldsTheReadings();

        JarProcess.Result removed = cli.run("remove-hooks");
        assertThat(removed.exitCode()).as(removed.stderr()).isZero();
        assertThat(JSON.readTree(settings.toFile()).path("statusLine").path("command").asText())
                .isEqualTo("cat > '" + payloadSeen + "'; echo " + THEIRS);
    }

    /**
     * One interactive turn of a gateway-token session in a 200-column pane (our line stays one line); returns the
     * first screen that shows the reply and our line with the five-hour limit.
     */
    private String oneTurn() throws IOException {
        run = ClaudeRun.of("say hi", user, Files.createDirectories(tmp.resolve("work")),
                claude.api().baseUrl()).withAuth(ClaudeAuth.GATEWAY_TOKEN).withEnv("TZ", "UTC");
        try (ClaudeTmuxSession session = ClaudeTmuxSession.start(claude.runner(), run, 200, 40)) {
            session.awaitScreen(reply.text(), WAIT);
            return session.awaitScreen(s -> s.contains(reply.text()) && s.contains("5h 42%"), WAIT,
                    "the reply and our status line with '5h 42%'");
        }
    }

    /** Our line's limit parts: 42 % with the reset time (UTC, the pane's TZ), then 17 % (17.3 shown floored). */
    private String expectedLimits() {
        LocalDateTime reset = LocalDateTime.ofInstant(fiveHourReset, ZoneOffset.UTC);
        boolean today = reset.toLocalDate().equals(LocalDateTime.now(ZoneOffset.UTC).toLocalDate());
        String at = reset.format(DateTimeFormatter.ofPattern(today ? "HH:mm" : "EEE HH:mm", Locale.ROOT));
        return "5h 42% (resets " + at + ") | 7d 17%";
    }

    private static String lineWith(String screen, String text) {
        return screen.lines().filter(l -> l.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + text + "' in:\n" + screen));
    }

    /**
     * {@code report limits --json}: the current reading of each window is what the headers gave. The status line
     * records it before it prints, so it is there once the pane shows the line; polled a little all the same (a
     * readiness wait: Claude Code may have run the status line again meanwhile).
     */
    private void assertReportLimitsHoldsTheReadings() throws Exception {
        Optional<JsonNode> fiveHour = Optional.empty();
        Optional<JsonNode> sevenDay = Optional.empty();
        JarProcess.Result limits = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && (fiveHour.isEmpty() || sevenDay.isEmpty())) {
            limits = cli.run("report", "limits", "--json");
            assertThat(limits.exitCode()).as(limits.stderr()).isZero();
            JsonNode windows = JSON.readTree(limits.stdout()).path("windows");
            fiveHour = window(windows, "five_hour");
            sevenDay = window(windows, "seven_day");
        }
        assertThat(fiveHour).as(limits.stdout()).isPresent();
        assertThat(sevenDay).as(limits.stdout()).isPresent();
        assertThat(fiveHour.get().path("current").path("usedPercentage").asDouble()).isEqualTo(42.0);
        assertThat(Instant.parse(fiveHour.get().path("current").path("resetsAt").asText())).isEqualTo(fiveHourReset);
        assertThat(sevenDay.get().path("current").path("usedPercentage").asDouble()).isEqualTo(17.3);
        assertThat(Instant.parse(sevenDay.get().path("current").path("resetsAt").asText())).isEqualTo(sevenDayReset);
        JsonNode readings = fiveHour.get().path("periods").get(0).path("readings");
        assertThat(readings).as("one turn, one level: recorded once").hasSize(1);
        assertThat(readings.get(0).path("sessionId").asText()).as("the session of the turn")
                .isEqualTo(onlySessionId());
    }

    /** The id of the one session Claude Code wrote a transcript for. */
    private String onlySessionId() throws IOException {
        try (Stream<Path> files = Files.list(run.projectDir())) {
            List<String> ids = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jsonl"))
                    .map(n -> n.substring(0, n.length() - ".jsonl".length())).toList();
            assertThat(ids).hasSize(1);
            return ids.get(0);
        }
    }

    private static Optional<JsonNode> window(JsonNode windows, String key) {
        for (JsonNode w : windows) {
            if (key.equals(w.path("window").asText()) && w.path("current").isObject()) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }
}
