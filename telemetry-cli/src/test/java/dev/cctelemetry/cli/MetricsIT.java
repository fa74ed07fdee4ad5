package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.testing.Promtool;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cc-telemetry metrics} as a real process of the shaded jar, scraped over loopback as Prometheus would: the
 * exposition passes {@code promtool check metrics}, and its counters add up to what {@code report --json} says.
 */
class MetricsIT {

    private static final String S1 = "11111111-1111-4111-8111-111111111111";
    private static final String S2 = "22222222-2222-4222-8222-222222222222";
    private static final String SONNET = "claude-sonnet-4-20250514";
    private static final String OPUS = "claude-opus-4-1-20250805";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{(.*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @TempDir
    Path tmp;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aScrapeIsValidPrometheusAndEqualsTheReports() throws Exception {
        Path claude = tmp.resolve("claude");
        TranscriptBuilder.session(S1).cwd("/work/alpha")
                .assistant("msg_1", "req_1", SONNET, "2026-01-01T10:00:00.000Z", 100, 20, 300, 4_000, "end_turn")
                .assistant("msg_2", "req_2", OPUS, "2026-01-01T10:01:00.000Z", 7, 900, 0, 12_000, "end_turn")
                .writeTo(claude.resolve("projects/-work-alpha/" + S1 + ".jsonl"));
        TranscriptBuilder.session(S2).cwd("/work/beta")
                .assistantRaw("msg_3", "req_3", SONNET, "2026-01-02T09:00:00.000Z", "{\"input_tokens\":5,"
                        + "\"cache_creation_input_tokens\":1500,\"cache_read_input_tokens\":0,\"output_tokens\":60,"
                        + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":500,"
                        + "\"ephemeral_1h_input_tokens\":1000}}", "end_turn")
                .writeTo(claude.resolve("projects/-work-beta/" + S2 + ".jsonl"));
        JarProcess cli = new JarProcess(tmp, Map.of("CLAUDE_CONFIG_DIR", claude.toString()));
        assertThat(cli.run("sync").exitCode()).isZero();
        JsonNode models = JSON.readTree(cli.run("report", "models", "--json", "--no-sync").stdout());
        JsonNode projects = JSON.readTree(cli.run("report", "projects", "--json", "--no-sync").stdout());

        Process server = cli.start(List.of(), tmp.resolve("metrics-out.txt"), tmp.resolve("metrics-err.txt"),
                "metrics", "--port", "0");
        started.add(server);
        URI url = URI.create(firstLine(tmp.resolve("metrics-out.txt"), server));
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPath()).isEqualTo("/metrics");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        String body = scrape.body();
        Promtool.assertAccepts(body);

        List<Sample> samples = parse(body);
        for (JsonNode m : models.get("models")) {
            String model = m.get("model").asText();
            assertThat(sum(samples, "cc_telemetry_tokens_total", Map.of("model", model, "kind", "input")))
                    .as(model).isEqualTo(m.get("inputTokens").asDouble());
            assertThat(sum(samples, "cc_telemetry_tokens_total", Map.of("model", model, "kind", "output")))
                    .as(model).isEqualTo(m.get("outputTokens").asDouble());
            assertThat(sum(samples, "cc_telemetry_tokens_total", Map.of("model", model, "kind", "cache_read")))
                    .as(model).isEqualTo(m.get("cacheReadTokens").asDouble());
            assertThat(sum(samples, "cc_telemetry_tokens_total", Map.of("model", model, "kind", "cache_creation_5m"))
                    + sum(samples, "cc_telemetry_tokens_total", Map.of("model", model, "kind", "cache_creation_1h")))
                    .as(model).isEqualTo(m.get("cacheCreationTokens").asDouble());
            assertThat(sum(samples, "cc_telemetry_requests_total", Map.of("model", model)))
                    .as(model).isEqualTo(m.get("requests").asDouble());
            assertThat(sum(samples, "cc_telemetry_cost_usd_total", Map.of("model", model)))
                    .as(model).isCloseTo(m.get("totalCost").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
        }
        for (JsonNode p : projects.get("projects")) {
            String project = p.get("project").asText();
            assertThat(sum(samples, "cc_telemetry_tokens_total", Map.of("project", project, "kind", "output")))
                    .as(project).isEqualTo(p.get("outputTokens").asDouble());
            assertThat(sum(samples, "cc_telemetry_cost_usd_total", Map.of("project", project)))
                    .as(project).isCloseTo(p.get("totalCost").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(sum(samples, "cc_telemetry_tokens_total", Map.of("kind", "cache_creation_1h"))).isEqualTo(1000);
        assertThat(samples).as("the manual sync is this machine's health mark")
                .anyMatch(s -> s.name().equals("cc_telemetry_sync_last_success_timestamp_seconds")
                        && "manual".equals(s.labels().get("trigger")))
                .anyMatch(s -> s.name().equals("cc_telemetry_sync_lag_seconds") && s.value() >= 0);

        server.destroy();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("SIGTERM stops the server").isTrue();
        assertThat(server.exitValue()).isIn(0, 143);
    }

    @Test
    void aTokenFileMakesEveryScrapeSendTheBearerToken() throws Exception {
        Path tokenFile = tmp.resolve("token");
        String token = "0123456789abcdef0123456789abcdef-metrics";
        Files.writeString(tokenFile, token + "\n");
        JarProcess cli = new JarProcess(tmp, Map.of("CLAUDE_CONFIG_DIR", tmp.resolve("claude").toString()));
        Process server = cli.start(List.of(), tmp.resolve("metrics-out.txt"), tmp.resolve("metrics-err.txt"),
                "metrics", "--port", "0", "--token-file", tokenFile.toString());
        started.add(server);
        URI url = URI.create(firstLine(tmp.resolve("metrics-out.txt"), server));
        HttpClient http = HttpClient.newHttpClient();

        assertThat(http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer wrong" + token).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).as("nothing synced yet: no series").doesNotContain("cc_telemetry_tokens_total{");

        JarProcess.Result exposed = cli.run("metrics", "--port", "0", "--bind", "0.0.0.0");
        assertThat(exposed.exitCode()).isEqualTo(2);
        assertThat(exposed.stderr().strip()).isEqualTo("cc-telemetry: listening on 0.0.0.0 (beyond this machine)"
                + " needs a bearer token: give --token-file");
    }


    private static String firstLine(Path out, Process p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
            int nl = text.indexOf('\n');
            if (nl > 0) {
                return text.substring(0, nl).strip();
            }
            assertThat(p.isAlive()).as("metrics server exited early").isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("metrics printed no URL within 60 s");
    }

    /** One sample of the text format. */
    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private static List<Sample> parse(String body) {
        List<Sample> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches()) {
                Map<String, String> labels = new HashMap<>();
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
                out.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
            }
        }
        return out;
    }

    private static double sum(List<Sample> samples, String name, Map<String, String> match) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> match.entrySet().stream().allMatch(e -> e.getValue().equals(s.labels().get(e.getKey()))))
                .mapToDouble(Sample::value).sum();
    }
}
