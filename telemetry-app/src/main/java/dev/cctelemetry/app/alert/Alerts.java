package dev.cctelemetry.app.alert;

import dev.cctelemetry.app.budget.BudgetBook;
import dev.cctelemetry.app.budget.BudgetState;
import dev.cctelemetry.app.budget.BudgetsStatus;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.core.alert.Alert;
import dev.cctelemetry.core.alert.AlertService;
import dev.cctelemetry.core.alert.AlertThresholds;
import dev.cctelemetry.core.budget.Budget;
import dev.cctelemetry.core.budget.BudgetStatus;
import dev.cctelemetry.core.error.ErrorLine;
import dev.cctelemetry.core.limits.LimitPeriod;
import dev.cctelemetry.core.limits.LimitPeriods;
import dev.cctelemetry.core.limits.LimitWindow;
import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.core.port.out.AlertChannel;
import dev.cctelemetry.core.port.out.AlertLog;
import dev.cctelemetry.core.port.out.PlanLimitLog;
import dev.cctelemetry.core.text.TerminalText;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the alerts: after every hook sync (the detached worker, once it has let go of the sync lock) and every
 * daemon pass. Each budget's current period (days, weeks and months of the zone given: the user's) and each
 * plan-limit window's current period (its latest reading) give the thresholds crossed; the ledger's alert log
 * raises each once, whichever process sees it first, and the configured channels deliver it, a run sending for
 * {@link AlertService#DEFAULT_SENDING_TIME} at most (plus one channel timeout). Never throws: a hook must end
 * quietly; the log and {@code doctor} say what went wrong.
 */
public final class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    /** Readings older than this cannot be in a window's current period (the longest window is 7 days). */
    private static final Duration READINGS_WINDOW = Duration.ofDays(8);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    /** A run with nothing to do. */
    private static final AlertService.AlertRun NOTHING = new AlertService.AlertRun(List.of(), 0, List.of());

    private final AlertBook book;
    private final AlertChannels channels;
    private final BudgetBook budgets;
    private final BudgetsStatus budgetsStatus;
    private final Ledgers ledgers;
    private final Clock clock;

    @Inject
    Alerts(AlertBook book, AlertChannels channels, BudgetBook budgets, BudgetsStatus budgetsStatus, Ledgers ledgers,
            Clock clock) {
        this.book = book;
        this.channels = channels;
        this.budgets = budgets;
        this.budgetsStatus = budgetsStatus;
        this.ledgers = ledgers;
        this.clock = clock;
    }

    /**
     * Raises the thresholds newly crossed and delivers what is pending (earlier failures included), logging what
     * happened. Never throws.
     *
     * @param zone the zone of the budgets' days, weeks and months
     * @param trigger who runs it, for the log ({@code hook-run}, {@code daemon})
     */
    public Optional<AlertService.AlertRun> evaluate(ZoneId zone, String trigger) {
        try {
            AlertService.AlertRun run = evaluateOrThrow(zone);
            for (Alert a : run.raised()) {
                log.info("{} alert: {} ({})", trigger, a.title(), a.key());
            }
            run.failures().forEach(f -> log.warn("{} alert not delivered: {}", trigger, f));
            return Optional.of(run);
        } catch (RuntimeException e) {
            log.warn("{} alerts: {}", trigger, ErrorLine.of(e));
            return Optional.empty();
        }
    }

    /**
     * {@link #evaluate} without the safety net, for tests and callers that report failures themselves.
     *
     * <p>Where no channel can deliver in this run (the default settings over SSH or on a server: desktop on, no
     * desktop session, no webhook; or every channel turned off) nothing is evaluated and nothing is recorded: the
     * ledger is not even opened, which is the common hook run's whole alert cost. A threshold crossed meanwhile is
     * raised by the first run that can deliver it, if its period is still current: one alert per budget and per
     * plan-limit window at most (the highest threshold crossed; lower ones are recorded skipped), never a backlog,
     * as periods gone by are never evaluated. Recording them undeliverable instead would have hidden today's 80 %
     * from the laptop because a session over SSH saw it first.
     */
    AlertService.AlertRun evaluateOrThrow(ZoneId zone) {
        List<AlertChannel> usable = AlertService.usable(channels.of(book.settings()));
        if (usable.isEmpty()) {
            return NOTHING;
        }
        List<Budget> set = budgets.list();
        return ledgers.withAlerts((ledger, limits, alertLog) -> {
            Instant now = clock.instant();
            List<Alert> candidates = new ArrayList<>();
            if (!set.isEmpty()) {
                List<BudgetStatus> known = budgetsStatus.states(set, zone).stream()
                        .flatMap(s -> s.status().stream()).toList();
                candidates.addAll(AlertThresholds.budgets(known, now));
            }
            candidates.addAll(AlertThresholds.planLimits(currentPeriods(limits, now), now, zone));
            return new AlertService(alertLog, usable, clock).run(candidates);
        });
    }

    /** The alert raised last on this machine and where it went; empty when none was or there is no ledger yet. */
    public Optional<AlertLog.RaisedAlert> last() {
        if (!ledgers.exists()) {
            return Optional.empty();
        }
        return ledgers.withAlerts((ledger, limits, alertLog) -> alertLog.lastRaised());
    }

    /**
     * One line for an alert raised: {@code Mon 7 Dec 12:00 Budget 80 % used: $40.00 spent … (desktop: delivered,
     * webhook: pending, 1 failed attempt (HTTP 503 from https://hooks.slack.com/…))}, as {@code alert list} and
     * {@code doctor} show it.
     */
    public static String line(AlertLog.RaisedAlert a, ZoneId zone) {
        String deliveries = a.deliveries().isEmpty() ? "no channel was on" : String.join(", ", a.deliveries());
        return WHEN.format(a.alert().raisedAt().atZone(zone)) + " " + TerminalText.printable(a.alert().title()) + ": "
                + TerminalText.printable(a.alert().message()) + " (" + TerminalText.printable(deliveries) + ")";
    }

    /**
     * The budgets' states now, for {@code doctor}; empty without budgets. Without a ledger yet (nothing synced on
     * this machine) each is listed as not known, and nothing is created.
     */
    public List<BudgetState> budgetStates(ZoneId zone) {
        List<Budget> set = budgets.list();
        if (!set.isEmpty() && !ledgers.exists()) {
            return set.stream().map(b -> new BudgetState(b, Optional.empty(),
                    Optional.of("nothing synced on this machine yet"))).toList();
        }
        return set.isEmpty() ? List.of() : budgetsStatus.states(set, zone);
    }

    /**
     * Sends a test alert through each configured channel now, outside the alert log.
     *
     * @return one result per channel, in the order configured; empty when none is configured
     */
    public List<ChannelTest> test() {
        AlertSettings settings = book.settings();
        Alert alert = new Alert("test|" + clock.instant(), "test", 0, "Test alert",
                "Alerts from cc-telemetry reach you here.", clock.instant());
        List<ChannelTest> out = new ArrayList<>();
        for (AlertChannel c : channels.of(settings)) {
            String where = c.name().equals("webhook") ? "webhook " + settings.webhook().orElseThrow().masked()
                    : c.name();
            if (!c.available()) {
                out.add(new ChannelTest(where, false, false, "not available here (no desktop session)"));
                continue;
            }
            AlertChannel.Outcome o = c.send(alert);
            out.add(new ChannelTest(where, true, o.delivered(), o.delivered() ? "delivered" : "failed: " + o.error()));
        }
        return out;
    }

    /**
     * What a test through one channel gave.
     *
     * @param channel the channel ({@code desktop}, {@code webhook https://hooks.slack.com/…})
     * @param tried whether it was tried (a desktop channel is not where no desktop session runs)
     * @param delivered whether it got through
     * @param result {@code delivered}, {@code failed: reason} or why it was not tried
     */
    public record ChannelTest(String channel, boolean tried, boolean delivered, String result) {
    }

    private static List<LimitPeriod> currentPeriods(PlanLimitLog limits, Instant now) {
        Map<LimitWindow, List<PlanLimitReading>> byWindow = new TreeMap<>();
        for (PlanLimitReading r : limits.readings(Optional.of(now.minus(READINGS_WINDOW)))) {
            byWindow.computeIfAbsent(r.window(), w -> new ArrayList<>()).add(r);
        }
        List<LimitPeriod> out = new ArrayList<>();
        byWindow.forEach((w, readings) -> out.addAll(LimitPeriods.of(w, readings)));
        return out;
    }
}
