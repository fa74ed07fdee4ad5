package dev.cctelemetry.cli;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.alert.Alerts;
import dev.cctelemetry.app.budget.BudgetState;
import dev.cctelemetry.app.budget.BudgetsStatus;
import dev.cctelemetry.app.limits.LimitsReport;
import dev.cctelemetry.app.limits.WindowHistory;
import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.core.port.out.AlertLog;
import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.web.api.ListCard;
import dev.cctelemetry.web.api.OverviewCard;
import dev.cctelemetry.web.api.ViewFilter;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The dashboard's Overview cards of other features: each budget's spend in its current period, each plan-limit
 * window's current level (this machine's, or every machine's in remote mode), and this machine's last alert. No card
 * when there is nothing to show.
 */
final class DashboardCards {

    private final BudgetsStatus budgets;
    private final LimitsReport limits;
    private final Alerts alerts;
    private final Clock clock;

    @Inject
    DashboardCards(BudgetsStatus budgets, LimitsReport limits, Alerts alerts, Clock clock) {
        this.budgets = budgets;
        this.limits = limits;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** The cards, reading every machine's plan limits when {@code remote}; the last alert is this machine's. */
    List<OverviewCard> cards(boolean remote) {
        return List.of(this::budgets, filter -> limits(remote), this::lastAlert);
    }

    /** The alert raised last on this machine, and how each channel took it. */
    private ListCard lastAlert(ViewFilter filter) {
        Optional<AlertLog.RaisedAlert> last = alerts.last();
        if (last.isEmpty()) {
            return null;
        }
        AlertLog.RaisedAlert a = last.get();
        boolean undelivered = a.deliveries().stream().noneMatch(d -> d.endsWith(": delivered"));
        return new ListCard("last-alert", "Last alert", List.of(new ListCard.Item(a.alert().title(),
                Alerts.line(a, filter.zone()), undelivered)));
    }

    private ListCard budgets(ViewFilter filter) {
        List<BudgetState> states = budgets.states(filter.zone());
        if (states.isEmpty()) {
            return null;
        }
        List<ListCard.Item> items = new ArrayList<>();
        for (BudgetState s : states) {
            items.add(new ListCard.Item(s.budget().describe(), s.status().map(BudgetState::spent)
                    .orElse("not known (" + s.problem().orElse("") + ")"), s.exceeded()));
        }
        return new ListCard("budgets", "Budgets", items);
    }

    private ListCard limits(boolean remote) {
        List<WindowHistory> windows;
        try {
            windows = remote ? limits.remote(Optional.empty()) : limits.local();
        } catch (AppException e) {
            // A store without plan-limit history must not take the Overview down with it.
            return new ListCard("plan-limits", "Plan limits", List.of(new ListCard.Item("Plan limits",
                    "not known (" + e.getMessage() + ")", false)));
        }
        Instant now = clock.instant();
        List<ListCard.Item> items = new ArrayList<>();
        for (WindowHistory w : windows) {
            if (w.current().isEmpty()) {
                continue;
            }
            PlanLimitReading r = w.current().get();
            Duration left = w.resetsIn(now).orElse(Duration.ZERO);
            items.add(new ListCard.Item(w.window().label() + " window (" + w.machine() + ")",
                    String.format(Locale.ROOT, "%.0f %% used, resets in %s", r.usedPercentage(),
                            ReportFigures.hoursMinutes(left)), r.usedPercentage() >= 100));
        }
        return items.isEmpty() ? null : new ListCard("plan-limits", "Plan limits", items);
    }
}
