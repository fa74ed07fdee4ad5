package dev.cctelemetry.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import com.sun.net.httpserver.HttpServer;
import dev.cctelemetry.app.ProcessContext;
import dev.cctelemetry.app.TelemetryApp;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.budget.BudgetBook;
import dev.cctelemetry.app.daemon.Daemon;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.app.roots.ClaudeRoots;
import dev.cctelemetry.app.sync.Syncs;
import dev.cctelemetry.core.alert.AlertService;
import dev.cctelemetry.core.alert.WebhookAddress;
import dev.cctelemetry.core.budget.Budget;
import dev.cctelemetry.core.budget.BudgetPeriod;
import dev.cctelemetry.core.budget.BudgetScope;
import dev.cctelemetry.core.limits.LimitLevel;
import dev.cctelemetry.core.limits.LimitWindow;
import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.core.port.out.AlertLog;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.report.RecordStreamQueries;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.poller.AfterPass;
import dev.cctelemetry.testing.FakeTime;
import dev.cctelemetry.testing.SilentServer;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts as the hook worker and the daemon evaluate them: a real ledger (SQLite file), transcripts synced into it,
 * a loopback webhook receiver started here, and a fake {@code notify-send} first on PATH (a real process recording
 * its arguments).
 */
class AlertsTest {

    private static final String SONNET = "claude-sonnet-4-20250514";
    private static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu"); // +05:45: days start at 18:15 UTC

    @TempDir
    Path tmp;
    private Path claude;
    private Path notified;
    private FakeTime clock;
    private HttpServer receiver;
    private final List<String> webhookTexts = new CopyOnWriteArrayList<>();
    private final AtomicInteger webhookStatus = new AtomicInteger(204);
    private int requests;

    @BeforeEach
    void setUp() throws IOException {
        claude = tmp.resolve("claude");
        notified = tmp.resolve("notify-send.args");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fake = bin.resolve("notify-send");
        // One line per call: the title and the text (the arguments after "--").
        Files.writeString(fake, "#!/bin/sh\nshift 2\nprintf '%s | %s\\n' \"$1\" \"$2\" >> '" + notified + "'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        clock = new FakeTime(Instant.parse("2026-12-07T18:40:00Z"));
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/services/T0/SECRET", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = webhookStatus.get();
            if (status / 100 == 2) {
                webhookTexts.add(new ObjectMapper().readTree(body).get("text").asText());
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private Injector injector() {
        return injector(true);
    }

    /** The application in a process with a desktop session ({@code DISPLAY}) or without one (SSH, a server). */
    private Injector injector(boolean desktopSession) {
        Map<String, String> vars = new java.util.HashMap<>(Map.of("CC_TELEMETRY_HOME",
                tmp.resolve("telemetry").toString(), "PATH", tmp.resolve("bin") + ":/usr/bin:/bin"));
        if (desktopSession) {
            vars.put("DISPLAY", ":0");
        }
        TelemetryEnvironment env = new TelemetryEnvironment(vars, tmp.resolve("user"), tmp);
        return TelemetryApp.injector(new ProcessContext(env, clock, Platform.LINUX, AlertsTest.class));
    }

    private WebhookAddress webhook() {
        return WebhookAddress.parse("http://127.0.0.1:" + receiver.getAddress().getPort() + "/services/T0/SECRET");
    }

    /** One request of $0.30 (100,000 Sonnet 4 input tokens) at {@code at}, synced into the ledger. */
    private void spend(Injector injector, String... at) throws Exception {
        TranscriptBuilder t = TranscriptBuilder.session("11111111-1111-4111-8111-111111111111");
        for (String ts : at) {
            requests++;
            t.assistant("msg_" + requests, "req_" + requests, SONNET, ts, 100_000, 0, 0, 0, "end_turn");
        }
        t.appendTo(claude.resolve("projects/-work-a/11111111-1111-4111-8111-111111111111.jsonl"));
        try (Ledger ledger = injector.getInstance(Ledgers.class).open()) {
            injector.getInstance(Syncs.class).over(ledger).sync(new SyncRequest(
                    injector.getInstance(ClaudeRoots.class).resolve(List.of(claude)), false, f -> true),
                    SyncProgress.NONE);
        }
    }

    private static void dailyBudget(Injector injector, String usd) {
        injector.getInstance(BudgetBook.class).set(new Budget(BudgetPeriod.DAILY, new BigDecimal(usd),
                Optional.empty(), BudgetScope.THIS_MACHINE, DayOfWeek.SUNDAY));
    }

    private List<String> desktopLines() throws IOException {
        return Files.exists(notified) ? Files.readAllLines(notified) : List.of();
    }

    @Test
    void budgetThresholdsFireOncePerPeriodWithDaysOfTheUsersZone() throws Exception {
        Injector app = injector();
        dailyBudget(app, "1.00");
        app.getInstance(AlertBook.class).save(AlertSettings.DEFAULT.withWebhook(Optional.of(webhook())));
        Alerts alerts = app.getInstance(Alerts.class);
        // Two requests on Mon 7 Dec in Kathmandu (23:45, 23:55), two on Tue 8 Dec (00:05, 00:15); now 00:25 there.
        spend(app, "2026-12-07T18:00:00.000Z", "2026-12-07T18:10:00.000Z", "2026-12-07T18:20:00.000Z",
                "2026-12-07T18:30:00.000Z");
        try (Ledger ledger = app.getInstance(Ledgers.class).open()) {
            assertThat(new RecordStreamQueries(ledger, "m", "m").totals(UsageFilter.ALL).cost())
                    .as("four requests of $0.30").isEqualTo(1.2, org.assertj.core.data.Offset.offset(1e-9));
        }

        AlertService.AlertRun first = alerts.evaluate(KATHMANDU, "test").orElseThrow();

        // In UTC all four fall on 7 Dec ($1.20, exceeded); in Kathmandu today (8 Dec) has two: $0.60.
        assertThat(first.raised()).extracting(a -> a.title()).containsExactly("Budget 50 % used");
        assertThat(webhookTexts).containsExactly("cc-telemetry: Budget 50 % used. $0.60 spent of $1.00 per day (this"
                + " machine) in the day starting 2026-12-08.");
        assertThat(desktopLines()).containsExactly("Budget 50 % used | $0.60 spent of $1.00 per day (this machine)"
                + " in the day starting 2026-12-08.");

        assertThat(alerts.evaluate(KATHMANDU, "test").orElseThrow().raised()).as("once per period").isEmpty();
        clock.advance(Duration.ofMinutes(10));
        spend(app, "2026-12-07T18:45:00.000Z"); // $0.90: 80 %
        alerts.evaluate(KATHMANDU, "test");
        spend(app, "2026-12-07T18:46:00.000Z", "2026-12-07T18:47:00.000Z"); // $1.50: over
        clock.advance(Duration.ofMinutes(1));
        alerts.evaluate(KATHMANDU, "test");
        alerts.evaluate(KATHMANDU, "test");
        assertThat(webhookTexts).extracting(t -> t.substring(0, t.indexOf('.'))).containsExactly(
                "cc-telemetry: Budget 50 % used", "cc-telemetry: Budget 80 % used", "cc-telemetry: Budget exceeded");

        // The next local day is a new period: 50 % fires again, for 9 Dec.
        clock.advance(Duration.ofHours(24));
        spend(app, "2026-12-08T18:50:00.000Z", "2026-12-08T18:51:00.000Z");
        alerts.evaluate(KATHMANDU, "test");
        assertThat(webhookTexts).hasSize(4).last().asString().endsWith("in the day starting 2026-12-09.");
        assertThat(desktopLines()).hasSize(4);
        assertThat(alerts.last()).get().satisfies(last -> {
            assertThat(last.alert().title()).isEqualTo("Budget 50 % used");
            assertThat(last.deliveries()).containsExactly("desktop: delivered", "webhook: delivered");
        });
    }

    @Test
    void withNoChannelAbleToDeliverNothingIsRecordedAndTheFirstRunThatCanSendsTheHighestThresholdOnce()
            throws Exception {
        Injector overSsh = injector(false);
        dailyBudget(overSsh, "1.00");
        spend(overSsh, "2026-12-07T18:20:00.000Z", "2026-12-07T18:25:00.000Z", "2026-12-07T18:30:00.000Z");
        Alerts alerts = overSsh.getInstance(Alerts.class);

        // Default settings (desktop on, no webhook) where no desktop session runs: $0.90 of $1.00 crosses 50 and 80,
        // but nothing could show it, so nothing is raised and nothing is recorded as raised.
        assertThat(alerts.evaluate(KATHMANDU, "test").orElseThrow().raised()).isEmpty();
        assertThat(alerts.last()).isEmpty();
        assertThat(desktopLines()).isEmpty();

        // The next hook run at the desktop shows the highest threshold of today's period, once: no backlog.
        Alerts atTheDesktop = injector(true).getInstance(Alerts.class);
        assertThat(atTheDesktop.evaluate(KATHMANDU, "test").orElseThrow().raised()).extracting(a -> a.title())
                .containsExactlyInAnyOrder("Budget 50 % used", "Budget 80 % used");
        atTheDesktop.evaluate(KATHMANDU, "test");
        alerts.evaluate(KATHMANDU, "test");
        assertThat(desktopLines()).singleElement().asString().startsWith("Budget 80 % used | $0.90 spent");
    }

    @Test
    void eachDaemonPassEvaluatesTheAlertsAfterItsPush() throws Exception {
        Injector app = injector();
        dailyBudget(app, "1.00");
        app.getInstance(AlertBook.class).save(AlertSettings.DEFAULT.withWebhook(Optional.of(webhook())));
        AfterPass afterEachPass = app.getInstance(Daemon.class).afterEachPass();
        SyncSummary summary = new SyncSummary(1, 1, 1, 1, 0, 1, 0, Duration.ZERO);

        spend(app, "2026-12-07T18:39:00.000Z");
        afterEachPass.afterPass(summary);
        assertThat(webhookTexts).as("$0.30: nothing crossed").isEmpty();
        spend(app, "2026-12-07T18:39:10.000Z", "2026-12-07T18:39:20.000Z");
        afterEachPass.afterPass(summary);
        afterEachPass.afterPass(summary);

        // The daemon uses the system zone: requests a minute before now are on today in every real zone.
        assertThat(webhookTexts).singleElement().asString().startsWith("cc-telemetry: Budget 80 % used. $0.90");
        assertThat(desktopLines()).singleElement().asString().startsWith("Budget 80 % used | $0.90");
    }

    @Test
    void aPlanLimitWindowAlertsAtEightyAndNinetyFiveOncePerResetPeriod() throws IOException {
        Injector app = injector();
        Alerts alerts = app.getInstance(Alerts.class);
        Instant reset = clock.instant().plus(Duration.ofHours(3));
        record(app, 78, reset, clock.instant().minusSeconds(120));
        assertThat(alerts.evaluate(KATHMANDU, "test").orElseThrow().raised()).isEmpty();

        record(app, 83, reset, clock.instant().minusSeconds(60));
        alerts.evaluate(KATHMANDU, "test");
        record(app, 97, reset, clock.instant());
        alerts.evaluate(KATHMANDU, "test");
        alerts.evaluate(KATHMANDU, "test");
        // the next 5-hour period starts below 80 and climbs again
        clock.advance(Duration.ofHours(4));
        record(app, 85, reset.plus(Duration.ofHours(5)), clock.instant());
        alerts.evaluate(KATHMANDU, "test");

        assertThat(desktopLines()).containsExactly(
                "Plan limit 5h at 80 % | The 5h plan-limit window is 83 % used; it resets Tue 8 Dec 03:25.",
                "Plan limit 5h at 95 % | The 5h plan-limit window is 97 % used; it resets Tue 8 Dec 03:25.",
                "Plan limit 5h at 80 % | The 5h plan-limit window is 85 % used; it resets Tue 8 Dec 08:25.");
    }

    private static void record(Injector app, double used, Instant reset, Instant seen) {
        app.getInstance(Ledgers.class).withAlerts((ledger, limits, alertLog) -> limits.recordChanges(List.of(
                new PlanLimitReading(new LimitLevel(LimitWindow.FIVE_HOUR, used, reset), seen, "s"))));
    }

    @Test
    void twoWorkersCrossingOneThresholdAtOnceAlertOnce() throws Exception {
        Injector setup = injector();
        dailyBudget(setup, "1.00");
        setup.getInstance(AlertBook.class).save(AlertSettings.DEFAULT.withWebhook(Optional.of(webhook())));
        spend(setup, "2026-12-07T18:20:00.000Z", "2026-12-07T18:21:00.000Z", "2026-12-07T18:22:00.000Z");
        int workers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> raised = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                Alerts alerts = injector().getInstance(Alerts.class); // an injector each, as each worker process has
                raised.add(pool.submit(() -> {
                    go.await();
                    return alerts.evaluate(KATHMANDU, "worker").orElseThrow().raised().size();
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> f : raised) {
                total += f.get(1, TimeUnit.MINUTES);
            }
            assertThat(total).as("50 % and 80 %, raised by one worker").isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(webhookTexts).singleElement().asString().startsWith("cc-telemetry: Budget 80 % used.");
        assertThat(desktopLines()).singleElement().asString().startsWith("Budget 80 % used | $0.90 spent");
    }

    @Test
    void aWebhookThatIsDownIsRetriedByALaterRunNotBefore() throws Exception {
        Injector app = injector();
        dailyBudget(app, "1.00");
        app.getInstance(AlertBook.class).save(new AlertSettings(false, Optional.of(webhook())));
        Alerts alerts = app.getInstance(Alerts.class);
        spend(app, "2026-12-07T18:20:00.000Z", "2026-12-07T18:21:00.000Z");
        webhookStatus.set(503);

        AlertService.AlertRun down = alerts.evaluate(KATHMANDU, "test").orElseThrow();

        assertThat(down.failures()).containsExactly("webhook: HTTP 503 from " + webhook().masked());
        assertThat(alerts.last().orElseThrow().deliveries()).containsExactly("webhook: pending, 1 failed attempt"
                + " (HTTP 503 from http://127.0.0.1:" + receiver.getAddress().getPort() + "/…)");
        webhookStatus.set(204);
        alerts.evaluate(KATHMANDU, "test");
        assertThat(webhookTexts).as("not before the retry delay").isEmpty();

        clock.advance(AlertService.RETRY_AFTER);
        alerts.evaluate(KATHMANDU, "test");
        clock.advance(AlertService.RETRY_AFTER);
        alerts.evaluate(KATHMANDU, "test");

        assertThat(webhookTexts).singleElement().asString().startsWith("cc-telemetry: Budget 50 % used.");
        assertThat(alerts.last().orElseThrow().deliveries()).containsExactly("webhook: delivered");
        assertThat(desktopLines()).as("desktop turned off").isEmpty();
    }

    @Test
    void aWebhookThatNeverAnswersCostsARunOneTimeoutWhateverIsPending() throws Exception {
        Injector app = injector();
        // three budgets crossed at once: three deliveries to a webhook that hangs
        for (String project : List.of("-work-a", "-work-b", "-work-c")) {
            app.getInstance(BudgetBook.class).set(new Budget(BudgetPeriod.DAILY, new BigDecimal("0.50"),
                    Optional.of(project), BudgetScope.THIS_MACHINE, DayOfWeek.SUNDAY));
        }
        for (String project : List.of("-work-b", "-work-c")) {
            TranscriptBuilder.session("2222222" + project.charAt(6) + "-1111-4111-8111-111111111111")
                    .assistant("m" + project, "r" + project, SONNET, "2026-12-07T18:20:00.000Z", 100_000, 0, 0, 0,
                            "end_turn")
                    .writeTo(claude.resolve("projects/" + project + "/2222222" + project.charAt(6)
                            + "-1111-4111-8111-111111111111.jsonl"));
        }
        spend(app, "2026-12-07T18:20:00.000Z");
        try (SilentServer silent = new SilentServer()) {
            app.getInstance(AlertBook.class).save(new AlertSettings(false, Optional.of(WebhookAddress.parse(
                    silent.url("/hook")))));

            long t0 = System.nanoTime();
            AlertService.AlertRun run = app.getInstance(Alerts.class).evaluate(KATHMANDU, "hook-run").orElseThrow();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertThat(run.raised()).hasSize(3);
            assertThat(run.failures()).singleElement().asString().startsWith("webhook: no answer from");
            assertThat(silent.connections()).as("the channel is not tried again in the same run").isEqualTo(1);
            assertThat(took).as("bounded by one webhook timeout (5 s), not three").isLessThan(Duration.ofSeconds(8));
        }
        List<AlertLog.PendingDelivery> left = app.getInstance(Ledgers.class).withAlerts((l, limits, alertLog) ->
                alertLog.pending(clock.instant().plus(AlertService.RETRY_AFTER), AlertService.RETRY_AFTER,
                        AlertService.MAX_AGE, AlertService.MAX_ATTEMPTS));
        assertThat(left).as("all three left for a later run").hasSize(3)
                .extracting(AlertLog.PendingDelivery::channel).containsOnly("webhook");
    }
}
