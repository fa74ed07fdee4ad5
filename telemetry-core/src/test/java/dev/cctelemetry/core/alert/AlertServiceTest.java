package dev.cctelemetry.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.budget.Budget;
import dev.cctelemetry.core.budget.BudgetPeriod;
import dev.cctelemetry.core.budget.BudgetScope;
import dev.cctelemetry.core.budget.BudgetStatus;
import dev.cctelemetry.core.limits.LimitLevel;
import dev.cctelemetry.core.limits.LimitPeriods;
import dev.cctelemetry.core.limits.LimitWindow;
import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.core.port.out.AlertChannel;
import dev.cctelemetry.testing.FakeTime;
import dev.cctelemetry.testing.InMemoryAlertLog;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final long DOLLAR = 1_000_000_000_000L;

    private final InMemoryAlertLog alertLog = new InMemoryAlertLog();
    private final RecordingChannel webhook = new RecordingChannel("webhook", true);
    private final RecordingChannel desktop = new RecordingChannel("desktop", false);
    private final FakeTime clock = new FakeTime(NOW);
    private final AlertService service = new AlertService(alertLog, List.of(webhook, desktop), clock);

    @Test
    void eachThresholdFiresOncePerPeriodAndOnlyTheHighestNewOneIsSent() {
        service.run(AlertThresholds.budgets(List.of(status(LocalDate.of(2026, 12, 7), 85)), NOW));
        service.run(AlertThresholds.budgets(List.of(status(LocalDate.of(2026, 12, 7), 90)), NOW));
        service.run(AlertThresholds.budgets(List.of(status(LocalDate.of(2026, 12, 7), 101)), NOW));
        service.run(AlertThresholds.budgets(List.of(status(LocalDate.of(2026, 12, 8), 55)), NOW));

        assertThat(webhook.sent).extracting(Alert::title)
                .containsExactly("Budget 80 % used", "Budget exceeded", "Budget 50 % used");
        assertThat(desktop.sent).hasSize(3);
        assertThat(alertLog.raisedKeys()).hasSize(4);
    }

    @Test
    void aWebhookThatIsDownIsRetriedByALaterRunAndNotBeforeTheRetryDelay() {
        webhook.failing = true;
        service.run(AlertThresholds.budgets(List.of(status(LocalDate.of(2026, 12, 7), 50)), NOW));
        assertThat(webhook.attempts).isEqualTo(1);
        assertThat(desktop.sent).hasSize(1);

        service.run(List.of());
        assertThat(webhook.attempts).as("too soon").isEqualTo(1);

        webhook.failing = false;
        clock.advance(AlertService.RETRY_AFTER);
        AlertService.AlertRun run = service.run(List.of());

        assertThat(webhook.sent).hasSize(1);
        assertThat(run.delivered()).isEqualTo(1);
        assertThat(desktop.sent).as("the desktop got it the first time").hasSize(1);
        clock.advance(Duration.ofHours(1));
        service.run(List.of());
        assertThat(webhook.attempts).isEqualTo(2);
    }

    @Test
    void aFailedDesktopPopupIsNotRetriedAndAnOldWebhookIsGivenUp() {
        desktop.failing = true;
        webhook.failing = true;
        service.run(AlertThresholds.budgets(List.of(status(LocalDate.of(2026, 12, 7), 50)), NOW));
        clock.advance(AlertService.MAX_AGE.plusMinutes(1));
        service.run(List.of());

        assertThat(desktop.attempts).isEqualTo(1);
        assertThat(webhook.attempts).isEqualTo(1);
    }

    @Test
    void anUnavailableChannelGetsNoDeliveryButTheThresholdStillCountsAsRaised() {
        desktop.available = false;
        service.run(AlertThresholds.budgets(List.of(status(LocalDate.of(2026, 12, 7), 60)), NOW));
        desktop.available = true;
        service.run(AlertThresholds.budgets(List.of(status(LocalDate.of(2026, 12, 7), 60)), NOW));

        assertThat(desktop.sent).isEmpty();
        assertThat(webhook.sent).hasSize(1);
    }

    @Test
    void planLimitWindowsAlertAtEightyAndNinetyFivePerPeriod() {
        Instant reset = NOW.plus(Duration.ofHours(2));
        List<PlanLimitReading> readings = new ArrayList<>(List.of(reading(70, reset, NOW.minusSeconds(600)),
                reading(82, reset, NOW.minusSeconds(300))));
        service.run(AlertThresholds.planLimits(LimitPeriods.of(LimitWindow.FIVE_HOUR, readings), NOW,
                ZoneId.of("UTC")));
        readings.add(reading(96, reset, NOW.minusSeconds(10)));
        service.run(AlertThresholds.planLimits(LimitPeriods.of(LimitWindow.FIVE_HOUR, readings), NOW,
                ZoneId.of("UTC")));
        service.run(AlertThresholds.planLimits(LimitPeriods.of(LimitWindow.FIVE_HOUR, readings), NOW,
                ZoneId.of("UTC")));

        assertThat(webhook.sent).extracting(Alert::title)
                .containsExactly("Plan limit 5h at 80 %", "Plan limit 5h at 95 %");
        assertThat(webhook.sent.get(1).message()).contains("96 % used", "resets Mon 7 Dec 14:00");
        // a period that is over raises nothing
        assertThat(AlertThresholds.planLimits(LimitPeriods.of(LimitWindow.FIVE_HOUR, readings), reset,
                ZoneId.of("UTC"))).isEmpty();
    }

    @Test
    void aChannelThatThrowsCountsAsAFailureAndTheRunGoesOn() {
        webhook.throwing = true;
        AlertService.AlertRun run = service.run(AlertThresholds.budgets(
                List.of(status(LocalDate.of(2026, 12, 7), 50)), NOW));

        assertThat(run.failures()).singleElement().asString().startsWith("webhook: IllegalStateException");
        assertThat(desktop.sent).hasSize(1);
    }

    @Test
    void aRunStartsNoAttemptAfterItsSendingTimeAndLeavesTheRestForTheNextRun() {
        // each send takes 3 s of the clock; the run may start attempts for 5 s
        webhook.onSend = () -> clock.advance(Duration.ofSeconds(3));
        AlertService bounded = new AlertService(alertLog, List.of(webhook), clock, Duration.ofSeconds(5));
        List<BudgetStatus> threeBudgets = List.of(status(LocalDate.of(2026, 12, 7), 55, "a"),
                status(LocalDate.of(2026, 12, 7), 55, "b"), status(LocalDate.of(2026, 12, 7), 55, "c"));

        bounded.run(AlertThresholds.budgets(threeBudgets, NOW));
        assertThat(webhook.sent).as("two attempts start within 5 s").hasSize(2);

        bounded.run(List.of());
        assertThat(webhook.sent).as("the third goes with the next run").hasSize(3);
    }

    @Test
    void aChannelThatFailsIsNotTriedAgainInTheSameRun() {
        webhook.failing = true;
        service.run(AlertThresholds.budgets(List.of(status(LocalDate.of(2026, 12, 7), 55, "a"),
                status(LocalDate.of(2026, 12, 7), 55, "b")), NOW));

        assertThat(webhook.attempts).isEqualTo(1);
        assertThat(desktop.sent).hasSize(2);
        assertThat(alertLog.state("budget|daily|b|this|2026-12-07|50", "webhook")).contains("pending");
    }

    private static PlanLimitReading reading(double used, Instant reset, Instant seen) {
        return new PlanLimitReading(new LimitLevel(LimitWindow.FIVE_HOUR, used, reset), seen, "s");
    }

    private static BudgetStatus status(LocalDate day, long spentDollars) {
        return status(day, spentDollars, null);
    }

    private static BudgetStatus status(LocalDate day, long spentDollars, String project) {
        Budget b = new Budget(BudgetPeriod.DAILY, new BigDecimal("100"), Optional.ofNullable(project),
                BudgetScope.THIS_MACHINE, DayOfWeek.MONDAY);
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new BudgetStatus(b, day, from, from.plus(Duration.ofDays(1)), spentDollars * DOLLAR);
    }

    /** A channel that records what it was sent. */
    private static final class RecordingChannel implements AlertChannel {
        final String name;
        final boolean retries;
        final List<Alert> sent = new ArrayList<>();
        int attempts;
        boolean failing;
        boolean throwing;
        boolean available = true;
        Runnable onSend = () -> { };

        RecordingChannel(String name, boolean retries) {
            this.name = name;
            this.retries = retries;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public Outcome send(Alert alert) {
            attempts++;
            onSend.run();
            if (throwing) {
                throw new IllegalStateException("boom");
            }
            if (failing) {
                return Outcome.failed("connection refused");
            }
            sent.add(alert);
            return Outcome.DELIVERED;
        }

        @Override
        public boolean retries() {
            return retries;
        }
    }
}
