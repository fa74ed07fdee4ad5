package dev.cctelemetry.app.budget;

import dev.cctelemetry.core.budget.Budget;
import dev.cctelemetry.core.budget.BudgetStatus;
import dev.cctelemetry.core.text.DollarText;
import dev.cctelemetry.core.text.TerminalText;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A budget and where it stands now, or why that is not known (the shared store it reads is not configured or not
 * reachable).
 *
 * @param budget the budget
 * @param status its current period's spend, when it could be read
 * @param problem one line saying why it could not
 */
public record BudgetState(Budget budget, Optional<BudgetStatus> status, Optional<String> problem) {

    public BudgetState {
        Objects.requireNonNull(budget, "budget is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(problem, "problem is null");
    }

    /**
     * One line, as {@code budget list}, {@code check} and {@code doctor} print it: {@code ✓ $50.00 per day (this
     * machine): $8.40 spent (16.8 %) in the day starting 2026-12-07}; {@code ✗} and {@code , exceeded} when it is,
     * {@code ? … not known (why)} when it could not be read.
     */
    public String line() {
        String what = TerminalText.printable(budget.describe());
        if (status.isEmpty()) {
            return "? " + what + ": not known (" + TerminalText.printable(problem.orElse("")) + ")";
        }
        BudgetStatus st = status.get();
        return (st.exceeded() ? "✗ " : "✓ ") + what + ": " + spent(st);
    }

    /** {@code $8.40 spent (16.8 %) in the day starting 2026-12-07}, {@code , exceeded} when it is. */
    public static String spent(BudgetStatus st) {
        return DollarText.ofPicos(st.spentPicos()) + " spent (" + String.format(Locale.ROOT, "%.1f %%",
                st.percentUsed()) + ") in the " + st.budget().period().noun() + " starting " + st.periodStart()
                + (st.exceeded() ? ", exceeded" : "");
    }

    /** Whether the budget is known to be used up. */
    public boolean exceeded() {
        return status.map(BudgetStatus::exceeded).orElse(false);
    }
}
