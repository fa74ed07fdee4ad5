package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.google.inject.Injector;
import com.sun.net.httpserver.HttpServer;
import dev.cctelemetry.app.ProcessContext;
import dev.cctelemetry.app.TelemetryApp;
import dev.cctelemetry.app.alert.Alerts;
import dev.cctelemetry.app.budget.BudgetsStatus;
import dev.cctelemetry.app.limits.LimitsReport;
import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.testing.SilentServer;
import dev.cctelemetry.testing.TranscriptBuilder;
import dev.cctelemetry.web.api.ListCard;
import dev.cctelemetry.web.api.OverviewCard;
import dev.cctelemetry.web.api.ViewFilter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code alert set|list|test}, and alerts sent by {@code hook-run} after its sync, to a loopback webhook receiver
 * started here: the URL's secret never printed, a webhook that hangs bounds the hook run, {@code doctor} shows the
 * budgets and the last alert.
 */
class AlertCommandTest {

    private static final String S1 = "33333333-3333-4333-8333-333333333333";

    @TempDir
    Path tmp;
    private CliHarness cli;
    private HttpServer receiver;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(tmp);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/services/T0/SECRET", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void tearDown() {
        receiver.stop(0);
        ((LoggerContext) LoggerFactory.getILoggerFactory()).reset(); // hook-run took over the root logger
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/services/T0/SECRET";
    }

    private String masked() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/…";
    }

    @Test
    void setListAndTestShowTheWebhookMaskedAndKeepItInTheConfig() throws IOException {
        CliHarness.Result set = cli.run("alert", "set", "--webhook", url(), "--desktop", "off");

        assertThat(set.exitCode()).isZero();
        assertThat(set.stdout()).contains("Desktop notifications: off", "Webhook: " + masked())
                .doesNotContain("SECRET");
        assertThat(Files.readString(cli.telemetryHome.resolve("config.json"))).contains(url());
        CliHarness.Result list = cli.run("alert", "list");
        assertThat(list.stdout()).isEqualTo("Desktop notifications: off\nWebhook: " + masked()
                + "\nLast alert: none yet\n");

        CliHarness.Result test = cli.run("alert", "test");
        assertThat(test.exitCode()).isZero();
        assertThat(test.stdout()).isEqualTo("✓ webhook " + masked() + ": delivered\n");
        assertThat(bodies).singleElement().asString().contains("\"text\":\"cc-telemetry: Test alert.");

        status.set(500);
        CliHarness.Result failing = cli.run("alert", "test");
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.stdout()).isEqualTo("✗ webhook " + masked() + ": failed: HTTP 500 from " + masked() + "\n");

        status.set(204);
        cli.run("alert", "set", "--desktop", "on");
        CliHarness.Result noDesktop = cli.run("alert", "test");
        assertThat(noDesktop.exitCode()).as("no desktop session here is not a failure").isZero();
        assertThat(noDesktop.stdout()).isEqualTo("- desktop: not available here (no desktop session)\n✓ webhook "
                + masked() + ": delivered\n");

        assertThat(cli.run("alert", "set", "--no-webhook").stdout()).contains("Webhook: none");
        assertThat(cli.run("alert", "test").exitCode()).as("nothing can deliver here").isEqualTo(1);
        cli.run("alert", "set", "--desktop", "off");
        assertThat(cli.run("alert", "test").stdout()).startsWith("No channel is on");
    }

    @Test
    void badInputIsOneLineExitTwoAndChangesNothing() throws IOException {
        cli.run("alert", "set", "--webhook", url());
        String before = Files.readString(cli.telemetryHome.resolve("config.json"));
        for (String[] args : new String[][] {{"alert", "set"}, {"alert", "set", "--desktop", "maybe"},
            {"alert", "set", "--webhook", "ftp://example.com/T0/SECRET"},
            {"alert", "set", "--webhook", "hooks.slack.com/services/SECRET"},
            {"alert", "set", "--webhook", url(), "--no-webhook"}}) {
            CliHarness.Result r = cli.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.stderr().strip().lines()).as(String.join(" ", args)).hasSizeLessThanOrEqualTo(3);
            assertThat(r.stderr()).doesNotContain("SECRET").doesNotContain("Exception");
        }
        assertThat(Files.readString(cli.telemetryHome.resolve("config.json"))).isEqualTo(before);
    }

    @Test
    void doctorBeforeAnySyncSaysTheBudgetIsNotKnownYetAndCreatesNoLedger() {
        cli.run("budget", "set", "--daily", "0.50");

        String doctor = cli.run("doctor").stdout();

        assertThat(doctor).contains("? $0.50 per day (this machine): not known (nothing synced on this machine yet);"
                + " last alert: none yet").contains("cc-telemetry sync (nothing synced yet)");
        assertThat(cli.telemetryHome.resolve("telemetry.db")).doesNotExist();
    }

    @Test
    void aHookSyncCrossingABudgetPostsTheAlertOnceAndDoctorShowsIt() throws IOException {
        cli.run("budget", "set", "--daily", "0.50");
        cli.run("alert", "set", "--webhook", url());

        hookRun(1); // $0.30: 60 %
        hookRun(2); // $0.60: over
        hookRun(3); // further over: nothing new this day

        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).contains("Budget 50 % used", "$0.30 spent of $0.50 per day (this machine)");
        assertThat(bodies.get(1)).contains("Budget exceeded", "$0.60 spent of $0.50 per day (this machine)");
        String doctor = cli.run("doctor").stdout();
        assertThat(doctor).contains("Budgets & alerts").contains("✗ $0.50 per day (this machine): $0.90 spent"
                + " (180.0 %) in the day starting 2026-01-02, exceeded")
                .contains("last alert: ").contains("Budget exceeded").contains("webhook: delivered")
                .doesNotContain("SECRET");

        // The dashboard's Overview shows it too (local mode).
        Injector app = TelemetryApp.injector(new ProcessContext(cli.environment(), cli.clock, Platform.LINUX,
                Main.class));
        List<OverviewCard> cards = new DashboardCards(app.getInstance(BudgetsStatus.class),
                app.getInstance(LimitsReport.class), app.getInstance(Alerts.class), cli.clock).cards(false);
        assertThat(cards.get(2).render(ViewFilter.all(ZoneOffset.UTC))).isInstanceOfSatisfying(ListCard.class, c -> {
            assertThat(c.id()).isEqualTo("last-alert");
            assertThat(c.items()).singleElement().satisfies(i -> {
                assertThat(i.label()).isEqualTo("Budget exceeded");
                assertThat(i.value()).startsWith("Fri 2 Jan 03:04 Budget exceeded: $0.60 spent of $0.50 per day")
                        .endsWith("(webhook: delivered)");
                assertThat(i.alert()).isFalse();
            });
        });
    }

    @Test
    void aWebhookThatNeverAnswersDelaysTheHookRunByOneTimeoutAtMost() throws IOException {
        cli.run("budget", "set", "--daily", "0.50");
        try (SilentServer silent = new SilentServer()) {
            cli.run("alert", "set", "--webhook", silent.url("/services/T0/SECRET"));

            long t0 = System.nanoTime();
            hookRun(1);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertThat(silent.connections()).isEqualTo(1);
            // the sync, then the webhook's 3 s answer timeout once (5 s at most in all), not once per alert
            assertThat(took).as("sync + one webhook timeout").isLessThan(Duration.ofSeconds(10));
        }
        String log = Files.readString(cli.telemetryHome.resolve("logs/hook-sync.log"));
        assertThat(log).contains("hook-run alert: Budget 50 % used")
                .contains("hook-run alert not delivered: webhook: no answer from http://127.0.0.1:")
                .doesNotContain("SECRET");
        assertThat(cli.run("alert", "list").stdout()).contains("webhook: pending, 1 failed attempt (no answer from");
    }

    /** Writes request {@code n} ($0.30) to the session's transcript and runs the Stop hook's worker on it. */
    private void hookRun(int n) throws IOException {
        Path transcript = cli.userHome.resolve(".claude/projects/-work-p/" + S1 + ".jsonl");
        TranscriptBuilder.session(S1).assistant("msg_" + n, "req_" + n, "claude-sonnet-4-20250514",
                "2026-01-02T03:0" + n + ":00.000Z", 100_000, 0, 0, 0, "end_turn").appendTo(transcript);
        Path spool = Files.createDirectories(cli.telemetryHome.resolve("spool")).resolve("stop.abcdefghi" + n);
        Files.writeString(spool, "{\"session_id\":\"" + S1 + "\",\"transcript_path\":\"" + transcript
                + "\",\"hook_event_name\":\"Stop\"}");
        assertThat(cli.run("hook-run", "--event", "stop", "--spool", spool.toString()).exitCode()).isZero();
    }
}
