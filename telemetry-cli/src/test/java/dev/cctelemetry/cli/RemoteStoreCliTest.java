package dev.cctelemetry.cli;

import dev.cctelemetry.app.TelemetryEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import dev.cctelemetry.app.ProcessContext;
import dev.cctelemetry.app.TelemetryApp;
import dev.cctelemetry.app.dashboard.DashboardData;
import dev.cctelemetry.app.dashboard.DashboardSources;
import dev.cctelemetry.app.metrics.UsageMetrics;
import dev.cctelemetry.app.metrics.UsageMetricsReader;
import dev.cctelemetry.app.metrics.UsageSeries;
import dev.cctelemetry.testing.Promtool;
import dev.cctelemetry.web.metrics.MetricsServer;
import dev.cctelemetry.web.metrics.MetricsServerSettings;
import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.testing.RequiredInCi;
import dev.cctelemetry.web.DashboardServer;
import dev.cctelemetry.web.DashboardSettings;
import dev.cctelemetry.web.api.DataScope;
import dev.cctelemetry.web.api.StandardViews;
import dev.cctelemetry.web.security.LaunchToken;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config set-store}, {@code push}, {@code sync} and {@code report --remote} against the test server. */
class RemoteStoreCliTest {

    private static final String URL = setting("CCT_PG_URL", "jdbc:postgresql://127.0.0.1:55432/cct");
    private static final String USER = setting("CCT_PG_USER", "cct");
    private static final String PASSWORD = setting("CCT_PG_PASSWORD", "cct-test-secret");
    private static final String WRONG = "wrong-pw-7f3a9c1e5b";
    private static final String SONNET = "claude-sonnet-4-20250514";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    record Run(int code, String out, String err, String console) {
    }

    /** Set once the server answered, so that a skipped test does not try to clean up on a missing server. */
    private boolean serverUp;

    @BeforeEach
    void serverOrSkip() {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            serverUp = c.isValid(2);
        } catch (SQLException e) {
            RequiredInCi.assumeAvailable(false, "no PostgreSQL at " + URL + "; start one with .ci/start-postgres.sh");
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (!serverUp) {
            return;
        }
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** Runs a command in-process for machine {@code name}, catching stdout/stderr and the console (logs). */
    private Run run(String name, Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("CC_TELEMETRY_HOME", tmp.resolve(name + "-home").toString());
        env.put("CLAUDE_CONFIG_DIR", tmp.resolve(name + "-claude").toString());
        env.put("HOSTNAME", name);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        int code;
        try {
            System.setOut(capture);
            System.setErr(capture);
            code = Main.run(args, new TelemetryEnvironment(env, tmp, tmp), Clock.systemUTC(), new PrintWriter(out, true),
                    new PrintWriter(err, true));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(), err.toString(), console.toString(StandardCharsets.UTF_8));
    }

    private Run run(String name, String... args) {
        return run(name, Map.of(), args);
    }

    private void transcript(String machine, String session, String project, String... messageIds) throws Exception {
        TranscriptBuilder b = TranscriptBuilder.session(session).user("hi");
        int i = 0;
        for (String id : messageIds) {
            b.assistant(id, "req_" + id, SONNET, String.format(Locale.ROOT, "2025-08-01T10:%02d:00.000Z", i++),
                    100 + id.length(), 50 + i, 1000, 2000, "end_turn");
        }
        b.writeTo(tmp.resolve(machine + "-claude/projects/" + project + "/" + session + ".jsonl"));
    }

    private Run setStore(String machine) {
        return run(machine, Map.of("CCT_TEST_PG_PW", PASSWORD), "config", "set-store", URL, "--user", USER,
                "--password-env", "CCT_TEST_PG_PW", "--schema", schema);
    }

    @Test
    void twoMachinesSyncAndPushAndTheRemoteReportAddsThemUpCountingSharedRecordsOnce() throws Exception {
        String shared = "22222222-2222-4222-8222-222222222222";
        transcript("laptop", "11111111-1111-4111-8111-111111111111", "-home-u-a", "msg_1", "msg_2");
        transcript("laptop", shared, "-home-u-b", "msg_S1", "msg_S2");
        transcript("desktop", "33333333-3333-4333-8333-333333333333", "-home-u-c", "msg_3");
        transcript("desktop", shared, "-home-u-b", "msg_S1", "msg_S2");
        assertThat(setStore("laptop").code()).isZero();
        assertThat(setStore("desktop").code()).isZero();

        Run laptopSync = run("laptop", Map.of("CCT_TEST_PG_PW", PASSWORD), "sync");
        Run desktopSync = run("desktop", Map.of("CCT_TEST_PG_PW", PASSWORD), "sync");
        assertThat(laptopSync.code()).as(laptopSync.err()).isZero();
        assertThat(laptopSync.out()).contains("Pushed 4 records");
        assertThat(desktopSync.out()).contains("Pushed 3 records");

        JsonNode laptopLocal = json(run("laptop", "report", "daily", "--json", "--no-sync", "-z", "UTC"));
        JsonNode desktopLocal = json(run("desktop", "report", "daily", "--json", "--no-sync", "-z", "UTC"));
        JsonNode remote = json(run("laptop", Map.of("CCT_TEST_PG_PW", PASSWORD), "report", "daily", "--json",
                "--no-sync", "--remote", "-z", "UTC"));
        long sharedTokens = 2 * (1000 + 2000) + (100 + 6) + (51) + (100 + 6) + (52);
        assertThat(remote.at("/totals/totalTokens").asLong()).isEqualTo(laptopLocal.at("/totals/totalTokens").asLong()
                + desktopLocal.at("/totals/totalTokens").asLong() - sharedTokens);

        JsonNode machines = json(run("desktop", Map.of("CCT_TEST_PG_PW", PASSWORD), "report", "machines", "--json",
                "--no-sync", "--remote"));
        assertThat(machines.get("machines")).hasSize(2);
        long records = 0;
        for (JsonNode m : machines.get("machines")) {
            records += m.get("records").asLong();
            assertThat(m.get("lastPush").isNull()).isFalse();
        }
        assertThat(records).isEqualTo(5);

        JsonNode onlyDesktop = json(run("laptop", Map.of("CCT_TEST_PG_PW", PASSWORD), "report", "daily", "--json",
                "--no-sync", "--remote", "--machine", "desktop", "-z", "UTC"));
        JsonNode localMachines = json(run("laptop", "report", "machines", "--json", "--no-sync"));
        assertThat(localMachines.get("machines")).hasSize(1);
        assertThat(localMachines.at("/machines/0/name").asText()).isEqualTo("laptop");
        assertThat(localMachines.at("/machines/0/records").asLong()).isEqualTo(4);
        // The shared records tie on everything but the path; the smaller path (desktop-claude) wins the key.
        assertThat(onlyDesktop.at("/totals/totalTokens").asLong())
                .isEqualTo(desktopLocal.at("/totals/totalTokens").asLong());
    }

    @Test
    void theRemoteDashboardShowsBothMachinesWithTheFiguresOfReportRemote() throws Exception {
        JsonNode report = twoMachinesSyncedToTheSharedStore();

        // What `cc-telemetry dashboard --remote` serves, wired as the command wires it, on a free loopback port.
        DashboardData data = laptopApp().getInstance(DashboardSources.class).remote();
        assertThat(data.remote()).isTrue();
        assertThat(data.description()).startsWith("all machines (");
        DashboardSettings settings = new DashboardSettings(InetAddress.getLoopbackAddress(), 0, false,
                LaunchToken.generate(new SecureRandom()), Duration.ofMillis(250));
        try (DashboardServer server = new DashboardServer(settings, StandardViews.of(data.queries(),
                new DataScope(true, data.description()), List::of, Clock.systemUTC(), List.of()),
                data.queries()::changeCount)) {
            URI url = server.start();
            String cookie = "cct_dashboard_" + server.port() + "=" + url.getQuery().substring(6);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    url.resolve("/api/machines?range=all&tz=UTC")).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(r.body());
            JsonNode table = page.get("table");
            assertThat(table.get("rows")).hasSize(2);
            for (JsonNode m : report.get("machines")) {
                JsonNode row = null;
                for (JsonNode candidate : table.get("rows")) {
                    if (candidate.get("text").get(0).asText().equals(m.get("name").asText())) {
                        row = candidate;
                    }
                }
                assertThat(row).as("machine " + m.get("name")).isNotNull();
                assertThat(row.get("values").get(2).asLong()).as("requests").isEqualTo(m.get("records").asLong());
                assertThat(row.get("values").get(7).asLong()).as("tokens").isEqualTo(m.get("totalTokens").asLong());
                assertThat(row.get("values").get(8).asDouble()).as("cost")
                        .isCloseTo(m.get("totalCost").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
            }
            assertThat(page.get("syncs").findValuesAsText("machine")).containsExactlyInAnyOrder("desktop", "laptop");
            assertThat(page.get("syncs").findValuesAsText("trigger")).containsOnly("push");
        }
    }

    /** {@code metrics --remote}: every machine of the shared store, each adding up to its row of report --remote. */
    @Test
    void theRemoteMetricsAddUpEachMachineAsReportRemoteDoes() throws Exception {
        JsonNode report = twoMachinesSyncedToTheSharedStore();

        UsageMetricsReader reader = laptopApp().getInstance(UsageMetricsReader.class);
        UsageMetrics metrics = reader.remote(UsageMetrics.DEFAULT_TOP_PROJECTS);

        assertThat(metrics.usage()).extracting(UsageSeries::machine).containsOnly("laptop", "desktop");
        for (JsonNode m : report.get("machines")) {
            String name = m.get("name").asText();
            List<UsageSeries> mine = metrics.usage().stream().filter(u -> u.machine().equals(name)).toList();
            assertThat(mine.stream().mapToLong(u -> u.tokens().total()).sum()).as(name)
                    .isEqualTo(m.get("totalTokens").asLong());
            assertThat(mine.stream().mapToLong(UsageSeries::requests).sum()).as(name)
                    .isEqualTo(m.get("records").asLong());
            assertThat(mine.stream().mapToDouble(UsageSeries::cost).sum()).as(name)
                    .isCloseTo(m.get("totalCost").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(metrics.syncs()).extracting(mark -> mark.machineName() + "/" + mark.trigger())
                .containsExactlyInAnyOrder("laptop/PUSH", "desktop/PUSH");
        try (MetricsServer server = new MetricsServer(new MetricsServerSettings(InetAddress.getLoopbackAddress(), 0,
                java.util.Optional.empty()), () -> reader.remote(UsageMetrics.DEFAULT_TOP_PROJECTS))) {
            URI url = server.start();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("machine=\"desktop\"", "machine=\"laptop\"",
                    "cc_telemetry_sync_lag_seconds{machine=\"desktop\"}");
            Promtool.assertAccepts(r.body());
        }
    }

    @Test
    void remoteReportOfOneMachineEqualsItsLocalReport() throws Exception {
        transcript("solo", "11111111-1111-4111-8111-111111111111", "-home-u-a", "msg_1", "msg_2", "msg_3");
        transcript("solo", "44444444-4444-4444-8444-444444444444", "-home-u-d", "msg_4");
        assertThat(setStore("solo").code()).isZero();
        Map<String, String> pw = Map.of("CCT_TEST_PG_PW", PASSWORD);
        assertThat(run("solo", pw, "sync").code()).isZero();
        for (String kind : new String[] {"daily", "monthly", "sessions", "projects", "models"}) {
            Run local = run("solo", "report", kind, "--json", "--no-sync", "-z", "UTC");
            Run remote = run("solo", pw, "report", kind, "--json", "--no-sync", "-z", "UTC", "--remote");
            assertThat(remote.code()).as(remote.err()).isZero();
            assertThat(JSON.readTree(remote.out())).as(kind).isEqualTo(JSON.readTree(local.out()));
        }
        Run table = run("solo", pw, "report", "daily", "--no-sync", "-z", "UTC", "--remote");
        assertThat(table.out()).isEqualTo(run("solo", "report", "daily", "--no-sync", "-z", "UTC").out());
    }

    @Test
    void wrongPasswordFailsWithOneLineAndNeverShowsThePassword() throws Exception {
        transcript("lap", "11111111-1111-4111-8111-111111111111", "-home-u-a", "msg_1");
        Map<String, String> wrong = Map.of("CCT_TEST_PG_PW", WRONG);

        Run refused = run("lap", wrong, "config", "set-store", URL, "--user", USER, "--password-env", "CCT_TEST_PG_PW",
                "--schema", schema);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err().lines()).hasSize(1).first().asString()
                .contains("authentication failed for user " + USER).contains("store not saved");
        Path unsaved = tmp.resolve("lap-home/config.json");
        assertThat(Files.exists(unsaved) ? Files.readString(unsaved) : "").doesNotContain("store");

        assertThat(setStore("lap").code()).isZero();
        Path config = tmp.resolve("lap-home/config.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        Run sync = run("lap", wrong, "sync");
        assertThat(sync.code()).as("the ingest succeeded; only the push, retried later, failed").isZero();
        assertThat(sync.err().lines()).hasSize(1).first().asString().startsWith("cc-telemetry: Push failed:")
                .contains("authentication failed");
        assertThat(sync.out()).contains("1 new record,");
        Run push = run("lap", wrong, "push");
        assertThat(push.code()).isEqualTo(1);
        assertThat(push.err().lines()).hasSize(1);
        for (Run r : new Run[] {refused, sync, push}) {
            assertThat(r.out() + r.err() + r.console()).doesNotContain(WRONG).doesNotContain(PASSWORD);
        }
        assertThat(Files.readString(tmp.resolve("lap-home/state/push-status.json"))).doesNotContain(WRONG)
                .contains("\"consecutive_failures\" : 2");

        // The ledger kept everything: with the right password the same push goes through.
        Run ok = run("lap", Map.of("CCT_TEST_PG_PW", PASSWORD), "push");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Pushed 1 records");
    }

    @Test
    void aPostgresUriWithThePasswordIsConvertedAndThePasswordKeptOnlyInThePrivateConfig() throws Exception {
        String hostPortDb = URL.substring("jdbc:postgresql://".length());
        Run set = run("uri", "config", "set-store", "postgres://" + USER + ":" + PASSWORD + "@" + hostPortDb,
                "--schema", schema);
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).doesNotContain(PASSWORD).contains("password in config.json");
        // Issue 18.7: the password was on the command line, readable by other users in `ps` meanwhile.
        assertThat(set.err()).doesNotContain(PASSWORD).contains("Warning: the URL holds a password")
                .contains("--password-stdin or --password-env");
        assertThat(run("uri", "config", "set-store", "--help").out()).contains("Leave the password out of the URL")
                .doesNotContain("postgres://user:password@");
        JsonNode store = JSON.readTree(tmp.resolve("uri-home/config.json").toFile()).get("store");
        assertThat(store.get("url").asText()).isEqualTo("jdbc:postgresql://" + hostPortDb);
        assertThat(store.get("user").asText()).isEqualTo(USER);
        assertThat(store.get("password").asText()).isEqualTo(PASSWORD);
        Run push = run("uri", "push");
        assertThat(push.code()).as(push.err()).isZero();
        assertThat(push.out() + push.err() + push.console()).doesNotContain(PASSWORD);
    }

    /**
     * The laptop's and the desktop's transcripts, each machine set to the shared store and synced; returns
     * {@code report machines --json --remote} as the laptop prints it.
     */
    private JsonNode twoMachinesSyncedToTheSharedStore() throws Exception {
        transcript("laptop", "11111111-1111-4111-8111-111111111111", "-home-u-a", "msg_1", "msg_2");
        transcript("desktop", "33333333-3333-4333-8333-333333333333", "-home-u-c", "msg_3", "msg_4", "msg_5");
        Map<String, String> pw = Map.of("CCT_TEST_PG_PW", PASSWORD);
        for (String machine : List.of("laptop", "desktop")) {
            assertThat(setStore(machine).code()).isZero();
            assertThat(run(machine, pw, "sync").code()).isZero();
        }
        return json(run("laptop", pw, "report", "machines", "--json", "--no-sync", "--remote"));
    }

    /** The application wired as the laptop's commands wire it (its home and Claude folder, the store's password). */
    private Injector laptopApp() {
        Map<String, String> env = new HashMap<>(Map.of("CCT_TEST_PG_PW", PASSWORD));
        env.put("CC_TELEMETRY_HOME", tmp.resolve("laptop-home").toString());
        env.put("CLAUDE_CONFIG_DIR", tmp.resolve("laptop-claude").toString());
        ProcessContext context = new ProcessContext(new TelemetryEnvironment(env, tmp, tmp), Clock.systemUTC(),
                Platform.detect(System.getProperty("os.name")), Main.class);
        return TelemetryApp.injector(context);
    }

    private static JsonNode json(Run r) throws Exception {
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    @Test
    void aPushCachesTodaysTotalOverEveryMachineForTheStatusLine() throws Exception {
        String now = java.time.Instant.now().minusSeconds(60).toString();
        TranscriptBuilder.session("44444444-4444-4444-8444-444444444444")
                .assistant("msg_L", "req_L", SONNET, now, 10, 1_000, 0, 0, "end_turn")
                .writeTo(tmp.resolve("laptop-claude/projects/-p/44444444-4444-4444-8444-444444444444.jsonl"));
        TranscriptBuilder.session("55555555-5555-4555-8555-555555555555")
                .assistant("msg_D", "req_D", SONNET, now, 10, 3_000, 0, 0, "end_turn")
                .writeTo(tmp.resolve("desktop-claude/projects/-p/55555555-5555-4555-8555-555555555555.jsonl"));
        assertThat(setStore("laptop").code()).isZero();
        assertThat(setStore("desktop").code()).isZero();
        assertThat(run("desktop", Map.of("CCT_TEST_PG_PW", PASSWORD), "sync").code()).isZero();
        assertThat(run("laptop", Map.of("CCT_TEST_PG_PW", PASSWORD), "sync").code()).isZero();

        long laptop = Math.round(json(run("laptop", "report", "daily", "--json", "--no-sync")).at("/totals/totalCost")
                .asDouble() * 1e6);
        long desktop = Math.round(json(run("desktop", "report", "daily", "--json", "--no-sync"))
                .at("/totals/totalCost").asDouble() * 1e6);
        Optional<Long> cached = new dev.cctelemetry.app.statusline.AllMachinesToday(
                tmp.resolve("laptop-home/state/statusline-all-machines"))
                .picos(java.time.Instant.now(), dev.cctelemetry.core.statusline.LocalZone.systemDefault());
        assertThat(cached).isPresent();
        assertThat(Math.round(cached.get() / 1e6)).isCloseTo(laptop + desktop, org.assertj.core.data.Offset.offset(2L));
        assertThat(cached.get()).isGreaterThan(0L);
    }

}
