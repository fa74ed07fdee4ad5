package dev.cctelemetry.app.doctor;

import dev.cctelemetry.app.alert.Alerts;
import dev.cctelemetry.app.budget.BudgetState;
import dev.cctelemetry.core.port.out.AlertLog;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The budgets as they stand now and the last alert: when, what, and whether each channel delivered it. A delivery
 * that failed, or a budget that cannot be read, is a warning: the user would miss an alert.
 */
final class AlertsCheck implements DoctorCheck {

    static final String NAME = "Budgets & alerts";

    private final Alerts alerts;
    private final ZoneId zone;

    AlertsCheck(Alerts alerts, ZoneId zone) {
        this.alerts = alerts;
        this.zone = zone;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() {
        List<BudgetState> budgets = alerts.budgetStates(zone);
        Optional<AlertLog.RaisedAlert> last = alerts.last();
        String summary = (budgets.isEmpty() ? "no budgets"
                : budgets.stream().map(BudgetState::line).collect(Collectors.joining("; ")))
                + "; last alert: " + last.map(a -> Alerts.line(a, zone)).orElse("none yet");
        if (budgets.stream().anyMatch(b -> b.status().isEmpty())) {
            return CheckResult.warn(NAME, summary, "cc-telemetry sync (nothing synced yet), or the shared store (see"
                    + " the Remote store line), or cc-telemetry budget clear ...");
        }
        boolean undelivered = last.map(a -> a.deliveries().stream()
                .anyMatch(d -> d.contains(": failed") || d.contains("failed attempt"))).orElse(false);
        if (undelivered) {
            return CheckResult.warn(NAME, summary, "cc-telemetry alert test (and alert set --webhook URL to fix it)");
        }
        return CheckResult.ok(NAME, summary);
    }
}
