package dev.cctelemetry.cli;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.budget.BudgetState;
import dev.cctelemetry.app.budget.BudgetsStatus;
import dev.cctelemetry.app.limits.LimitsReport;
import dev.cctelemetry.app.limits.WindowHistory;
import dev.cctelemetry.core.limits.PlanLimitReading;
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
 * The dashboard's Overview cards of other features: each budget's spend in its current period, and each plan-limit
 * window's current level (this machine's, or every machine's in remote mode). No card when there is nothing to show.
 */
final class DashboardCards {

    private final BudgetsStatus budgets;
    private final LimitsReport limits;
    private final Clock clock;

    @Inject
    DashboardCards(BudgetsStatus budgets, LimitsReport limits, Clock clock) {
        this.budgets = budgets;
        this.limits = limits;
        this.clock = clock;
    }

    /** The cards, reading every machine's plan limits when {@code remote}. */
    List<OverviewCard> cards(boolean remote) {
        return List.of(this::budgets, filter -> limits(remote));
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
