package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cc-telemetry dashboard} as a real process of the shaded jar: the URL with its token on the first line,
 * 403 without the token, figures of the ledger with it, a sync beside it (no lock held) seen by the page's change
 * counter, the plain-HTTP warning of a wider bind, and a clean stop on SIGTERM (143) and Ctrl-C (130).
 */
@DisabledOnOs(OS.WINDOWS)
class DashboardCommandIT {

    private static final String S1 = "11111111-1111-4111-8111-111111111111";
    private static final String S2 = "22222222-2222-4222-8222-222222222222";
    private static final String SONNET = "claude-sonnet-4-20250514";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path claude;
    JarProcess jar;
    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void setUp() throws Exception {
        claude = tmp.resolve("claude");
        TranscriptBuilder.session(S1)
                .assistant("msg_A", "req_A", SONNET, "2025-08-01T10:00:01.000Z", 100, 50, 0, 0, "end_turn")
                .writeTo(claude.resolve("projects/-home-u-p/" + S1 + ".jsonl"));
        // No DISPLAY: the command must not try to open a browser here even without --no-open.
        jar = new JarProcess(tmp, Map.of("CLAUDE_CONFIG_DIR", claude.toString(), "DISPLAY", "",
                "WAYLAND_DISPLAY", ""));
        assertThat(jar.run("sync").exitCode()).isZero();
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process dashboard(String name, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("dashboard"));
        all.addAll(List.of(args));
        Process p = jar.start(List.of(), tmp.resolve(name + ".out"), tmp.resolve(name + ".err"),
                all.toArray(String[]::new));
        started.add(p);
        return p;
    }

    /** The first line of the process's stdout, once printed. */
    private URI url(String name, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(tmp.resolve(name + ".out"), StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.size() >= 2) {
                return URI.create(lines.get(0));
            }
            assertThat(p.isAlive()).as("dashboard exited: " + Files.readString(tmp.resolve(name + ".err"))).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no URL printed in 60 s");
    }

    private HttpResponse<String> get(URI base, String path, boolean withToken) throws Exception {
        String token = base.getQuery().substring(base.getQuery().indexOf('=') + 1);
        HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (withToken) {
            r.header("Cookie", "cct_dashboard_" + base.getPort() + "=" + token);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(URI base, String path) throws Exception {
        HttpResponse<String> r = get(base, path, true);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void servesTheLedgerBehindItsTokenSeesASyncBesideItAndStopsOnSigterm() throws Exception {
        assertThat(jar.run("budget", "set", "--daily", "5").exitCode()).isZero();
        Process p = dashboard("d");
        URI url = url("d", p);
        assertThat(url.toString()).matches("http://127\\.0\\.0\\.1:\\d+/\\?token=[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(tmp.resolve("d.out"))).contains("No browser opened");

        assertThat(get(url, "/api/meta", false).statusCode()).isEqualTo(403);
        JsonNode meta = json(url, "/api/meta");
        assertThat(meta.get("scope").asText()).isEqualTo("local");
        assertThat(meta.get("scopeText").asText()).contains("local ledger");
        JsonNode budgets = null;
        for (JsonNode card : json(url, "/api/overview?range=all").get("cards")) {
            if (card.path("id").asText().equals("budgets")) {
                budgets = card;
            }
        }
        assertThat(budgets).as("the budgets card").isNotNull();
        assertThat(budgets.at("/items/0/label").asText()).contains("$5.00");
        assertThat(budgets.at("/items/0/value").asText()).contains("spent");
                JsonNode models = json(url, "/api/models?range=all&tz=UTC").get("table");
        assertThat(models.get("total").get("values").get(7).asLong()).isEqualTo(150);

        // A sync beside the running dashboard: it takes the lock and commits, and the page's counter moves.
        TranscriptBuilder.session(S2)
                .assistant("msg_B", "req_B", SONNET, "2025-08-02T10:00:01.000Z", 1000, 500, 0, 0, "end_turn")
                .writeTo(claude.resolve("projects/-home-u-p/" + S2 + ".jsonl"));
        JarProcess.Result sync = jar.run("sync");
        assertThat(sync.exitCode()).as(sync.stderr()).isZero();
        assertThat(json(url, "/api/meta").get("change").asLong()).isNotEqualTo(meta.get("change").asLong());
        JsonNode sessions = json(url, "/api/sessions?range=all&tz=UTC");
        assertThat(sessions.get("total").asLong()).isEqualTo(2);
        JsonNode syncs = json(url, "/api/machines?range=all").get("syncs");
        assertThat(syncs.findValuesAsText("trigger")).contains("manual");

        int port = url.getPort();
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(143);
        assertThat(Files.readString(tmp.resolve("d.err"))).doesNotContain("Exception").doesNotContain("\tat ");
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("127.0.0.1", port));
        }
    }

    @Test
    void ctrlCStopsWith130() throws Exception {
        Process p = dashboard("c", "--no-open");
        url("c", p);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(130);
    }

    @Test
    void aWiderBindWarnsAboutPlainHttpAndStillNeedsTheToken() throws Exception {
        Process p = dashboard("w", "--bind", "0.0.0.0", "--no-open");
        URI url = url("w", p);
        assertThat(Files.readString(tmp.resolve("w.err"))).contains("plain HTTP").contains("TLS proxy");
        assertThat(get(url, "/api/meta", false).statusCode()).isEqualTo(403);
        assertThat(get(url, "/api/meta", true).statusCode()).isEqualTo(200);
    }

    @Test
    void aTakenPortNamedByTheUserAndAMissingStoreAreOneLineErrors() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            JarProcess.Result r = jar.run("dashboard", "--no-open", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stderr().strip()).startsWith("cc-telemetry: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()).doesNotContain("\n");
        }
        JarProcess.Result remote = jar.run("dashboard", "--remote", "--no-open");
        assertThat(remote.exitCode()).isEqualTo(1);
        assertThat(remote.stderr().strip()).isEqualTo("cc-telemetry: no remote store configured: run"
                + " 'cc-telemetry config set-store URL' first");
        JarProcess.Result badBind = jar.run("dashboard", "--bind", "not an address", "--no-open");
        assertThat(badBind.exitCode()).isEqualTo(2);
        assertThat(badBind.stderr().strip()).contains("--bind not an address").doesNotContain("\n");
    }
}
