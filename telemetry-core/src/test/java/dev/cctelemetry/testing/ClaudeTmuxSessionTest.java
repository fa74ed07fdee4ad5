package dev.cctelemetry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.core.usage.TokenCounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Claude Code CLI in an interactive tmux session against {@link FakeMessagesApi} with plan-limit headers:
 * the statusLine command runs, its output is on screen, and its payload carries the limits the headers gave, but only
 * for a gateway-token session. Skipped without the CLI or tmux (failed instead under CI=true).
 */
class ClaudeTmuxSessionTest {

    private static final String MARKER = "CCT-STATUSLINE-MARKER";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ObjectMapper mapper = new ObjectMapper();

    @RegisterExtension
    final RealClaudeCode claude = RealClaudeCode.inTmux();

    @TempDir
    Path tmp;

    @Test
    void statusLineOfAGatewaySessionShowsOnScreenAndGetsThePlanLimitsTheApiSent() throws IOException {
        FakeMessagesApi api = claude.api();
        // Claude Code drops a window whose reset is not in the future of its own (real) clock.
        Instant fiveHourReset = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant sevenDayReset = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        PlanLimitHeaders firstTurn = PlanLimitHeaders.none()
                .with(PlanLimitWindow.FIVE_HOUR, 0.42, fiveHourReset)
                .with(PlanLimitWindow.SEVEN_DAY, 0.173, sevenDayReset)
                .with(PlanLimitWindow.SEVEN_DAY_OVERAGE_INCLUDED, 0.25, sevenDayReset)
                .with(PlanLimitWindow.OVERAGE, 0.5, sevenDayReset);
        api.sendPlanLimits(firstTurn);
        ScriptedReply reply = ScriptedReply.text("Hello from the fake API in tmux", new TokenCounts(5, 3, 0, 0, 0));
        ScriptedReply second = ScriptedReply.text("Second turn", new TokenCounts(6, 4, 0, 0, 0));
        api.enqueue(reply, second);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path payloads = out.resolve("statusline.jsonl");
        ClaudeRun run = claude.newRun("say hi", tmp).withAuth(ClaudeAuth.GATEWAY_TOKEN);
        writeSettings(run.home(), out);

        int exitCode;
        String screen;
        JsonNode payload;
        JsonNode later;
        try (ClaudeTmuxSession session = ClaudeTmuxSession.start(claude.runner(), run, 120, 40)) {
            session.awaitScreen(reply.text(), WAIT);
            payload = awaitPayload(payloads, p -> p.has("rate_limits"));
            screen = session.awaitScreen(MARKER, WAIT);
            api.sendPlanLimits(firstTurn.with(PlanLimitWindow.FIVE_HOUR, 0.55, fiveHourReset));
            session.submit("again");
            session.awaitScreen(second.text(), WAIT);
            later = awaitPayload(payloads,
                    p -> p.path("rate_limits").path("five_hour").path("used_percentage").asDouble() == 55.0);
            exitCode = session.exit(WAIT);
        }

        assertThat(exitCode).isZero();
        assertThat(screen).contains("say hi").contains(reply.text());
        RecordedRequest first = api.messageRequests().get(0);
        assertThat(first.header("authorization")).contains("Bearer " + ClaudeAuth.GATEWAY_JWT);
        assertThat(first.header("x-api-key")).isEmpty();
        assertThat(api.unknownRequests()).as("a gateway-token session asks the fake for nothing else").isEmpty();
        JsonNode limits = payload.path("rate_limits");
        assertThat(limits.path("five_hour").path("used_percentage").asDouble())
                .isEqualTo(PlanLimitWindow.statuslinePercentage(0.42)).isEqualTo(42.0);
        assertThat(limits.path("five_hour").path("resets_at").asLong()).isEqualTo(fiveHourReset.getEpochSecond());
        assertThat(limits.path("seven_day").path("used_percentage").asDouble())
                .isEqualTo(PlanLimitWindow.statuslinePercentage(0.173)).isEqualTo(17.3);
        assertThat(limits.path("seven_day").path("resets_at").asLong()).isEqualTo(sevenDayReset.getEpochSecond());
        assertThat(fieldNames(limits)).as("no 7d_oi ever, no spend_limit without a gateway login")
                .containsOnly("five_hour", "seven_day");
        assertThat(later.path("rate_limits").path("seven_day").path("used_percentage").asDouble()).isEqualTo(17.3);
        assertThat(later.path("session_id").asText()).isEqualTo(payload.path("session_id").asText());
        JsonNode end = mapper.readTree(out.resolve("SessionEnd.json").toFile());
        assertThat(end.path("session_id").asText()).isEqualTo(payload.path("session_id").asText());
        assertThat(end.path("reason").asText()).isEqualTo("prompt_input_exit");
    }

    @Test
    void statusLineOfAnApiKeySessionNeverGetsRateLimits() throws IOException {
        Instant reset = Instant.now().plus(3, ChronoUnit.HOURS);
        claude.api().sendPlanLimits(PlanLimitHeaders.none().with(PlanLimitWindow.FIVE_HOUR, 0.42, reset));
        ScriptedReply reply = ScriptedReply.text("API key reply", new TokenCounts(5, 3, 0, 0, 0));
        claude.api().enqueue(reply);
        Path out = Files.createDirectories(tmp.resolve("out"));
        ClaudeRun run = claude.newRun("say hi", tmp);
        writeSettings(run.home(), out);

        JsonNode afterTurn;
        try (ClaudeTmuxSession session = ClaudeTmuxSession.start(claude.runner(), run, 120, 40)) {
            session.awaitScreen(reply.text(), WAIT);
            afterTurn = awaitPayload(out.resolve("statusline.jsonl"), p -> p.has("prompt_id"));
            session.awaitScreen(MARKER, WAIT);
        }

        assertThat(claude.api().messageRequests().get(0).header("x-api-key")).contains(ClaudeAuth.API_KEY_VALUE);
        assertThat(afterTurn.path("cost").path("total_cost_usd").asDouble()).isPositive();
        assertThat(payloads(out.resolve("statusline.jsonl"))).allSatisfy(p -> assertThat(p.has("rate_limits"))
                .as("rate_limits in %s", p).isFalse());
    }

    /**
     * A statusLine command that appends its stdin (one JSON line) to statusline.jsonl and prints the marker, and a
     * SessionEnd hook that saves its stdin.
     */
    private void writeSettings(Path home, Path out) throws IOException {
        Path settings = Files.createDirectories(home.resolve(".claude")).resolve("settings.json");
        String o = out.toAbsolutePath().toString();
        ObjectNode root = mapper.createObjectNode();
        root.putObject("statusLine").put("type", "command")
                .put("command", "cat >> '" + o + "/statusline.jsonl'; echo " + MARKER);
        root.putObject("hooks").putArray("SessionEnd").addObject().putArray("hooks").addObject()
                .put("type", "command").put("command", "cat > '" + o + "/SessionEnd.json'").put("timeout", 10);
        Files.writeString(settings, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /** Polls the captured payloads until one satisfies {@code condition} (the statusLine runs after each turn). */
    private JsonNode awaitPayload(Path file, Predicate<JsonNode> condition) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonNode> seen = List.of();
        while (System.nanoTime() < deadline) {
            seen = payloads(file);
            Optional<JsonNode> match = seen.stream().filter(condition).findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no statusLine payload matched within " + WAIT + "; seen: " + seen);
    }

    /** Every complete payload line (a run Claude Code aborted may have left half a line). */
    private List<JsonNode> payloads(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<JsonNode> payloads = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                payloads.add(mapper.readTree(line));
            } catch (IOException e) {
                // a partial line from an aborted run
            }
        }
        return payloads;
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
