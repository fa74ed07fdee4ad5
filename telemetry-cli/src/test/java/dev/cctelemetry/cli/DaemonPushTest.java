package dev.cctelemetry.cli;

import dev.cctelemetry.app.ProcessContext;
import dev.cctelemetry.app.TelemetryEnvironment;
import com.google.inject.Injector;
import dev.cctelemetry.app.TelemetryApp;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.push.PushAfterPass;
import dev.cctelemetry.app.push.Pushes;
import dev.cctelemetry.app.sync.Syncs;
import dev.cctelemetry.core.port.out.Ledger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.core.port.in.SyncUseCase;
import dev.cctelemetry.core.push.PushMode;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.poller.PassOutcome;
import dev.cctelemetry.poller.ReconciliationPass;
import dev.cctelemetry.testing.RequiredInCi;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each daemon pass pushes to the configured store after its ingest; a store that fails does not fail the pass. */
class DaemonPushTest {

    private static final String URL = setting("CCT_PG_URL", "jdbc:postgresql://127.0.0.1:55432/cct");
    private static final String USER = setting("CCT_PG_USER", "cct");
    private static final String PASSWORD = setting("CCT_PG_PASSWORD", "cct-test-secret");

    @TempDir
    Path tmp;

    private final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

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

    @Test
    void aDaemonPassPushesWhatItIngested() throws Exception {
        TelemetryEnvironment env = environment(PASSWORD);
        configureStore(env);
        Injector services = app(env);

        PassOutcome outcome = pass(services).run();

        assertThat(outcome.ok()).as(outcome.error().orElse("")).isTrue();
        assertThat(outcome.summary().orElseThrow().newRecords()).isEqualTo(2);
        try (Ledger ledger = services.getInstance(Ledgers.class).open()) {
            assertThat(ledger.stats().records()).isEqualTo(2);
        }
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"report", "machines", "--json", "--no-sync", "--remote"}, env,
                Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"name\":\"daemon-box\",\"records\":2");
    }

    @Test
    void aStoreThatRefusesThePushDoesNotFailThePass() throws Exception {
        configureStore(environment(PASSWORD));
        Injector services = app(environment("wrong-pw-7f3a9c1e5b"));

        PassOutcome outcome = pass(services).run();

        assertThat(outcome.ok()).as(outcome.error().orElse("")).isTrue();
        assertThat(outcome.summary().orElseThrow().newRecords()).isEqualTo(2);
        // Nothing reached the store: a manual push with the right password still has both records to send.
        Injector right = app(environment(PASSWORD));
        try (Ledger ledger = right.getInstance(Ledgers.class).open()) {
            assertThat(right.getInstance(Pushes.class).push(ledger, PushMode.MANUAL).pushed()).isEqualTo(2);
        }
    }

    private static Injector app(TelemetryEnvironment env) {
        return TelemetryApp.injector(new ProcessContext(env, Clock.systemUTC(), Platform.LINUX, Main.class));
    }

    private ReconciliationPass pass(Injector services) throws Exception {
        TranscriptBuilder.session("11111111-1111-4111-8111-111111111111").user("hi")
                .assistant("msg_1", "req_1", "claude-sonnet-4-20250514", "2025-08-01T10:00:00.000Z", 100, 50, 0, 0,
                        "end_turn")
                .assistant("msg_2", "req_2", "claude-sonnet-4-20250514", "2025-08-01T10:01:00.000Z", 10, 5, 0, 0,
                        "end_turn")
                .writeTo(tmp.resolve("claude/projects/-home-u-a/11111111-1111-4111-8111-111111111111.jsonl"));
        SyncUseCase perPass = (request, progress) -> {
            try (Ledger ledger = services.getInstance(Ledgers.class).open()) {
                return services.getInstance(Syncs.class).over(ledger).sync(request, progress);
            }
        };
        return new ReconciliationPass(perPass, () -> List.of(new ClaudeRoot(tmp.resolve("claude"))),
                services.getInstance(PushAfterPass.class), Clock.systemUTC(), System::nanoTime);
    }

    private TelemetryEnvironment environment(String password) {
        Map<String, String> env = new HashMap<>();
        env.put("CC_TELEMETRY_HOME", tmp.resolve("telemetry").toString());
        env.put("CLAUDE_CONFIG_DIR", tmp.resolve("claude").toString());
        env.put("HOSTNAME", "daemon-box");
        env.put("CCT_TEST_PG_PW", password);
        return new TelemetryEnvironment(env, tmp, tmp);
    }

    private void configureStore(TelemetryEnvironment env) {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"config", "set-store", URL, "--user", USER, "--password-env",
            "CCT_TEST_PG_PW", "--schema", schema}, env, Clock.systemUTC(), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
    }

    private static String setting(String name, String fallback) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            v = System.getenv(name);
        }
        return v == null || v.isBlank() ? fallback : v;
    }
}
