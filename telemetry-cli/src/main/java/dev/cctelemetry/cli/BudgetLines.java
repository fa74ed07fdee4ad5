package dev.cctelemetry.cli;

import dev.cctelemetry.app.budget.BudgetState;
import dev.cctelemetry.core.budget.BudgetStatus;
import dev.cctelemetry.core.text.DollarText;
import dev.cctelemetry.core.text.TerminalText;
import java.util.Locale;

/** One line per budget, as {@code budget list} and {@code check} print it. */
final class BudgetLines {

    private BudgetLines() {
    }

    /** {@code ✓ $50.00 per day (this machine): $8.40 spent (16.8 %) in the day starting 2026-12-07}. */
    static String line(BudgetState s) {
        String what = TerminalText.printable(s.budget().describe());
        if (s.status().isEmpty()) {
            return "? " + what + ": not known (" + TerminalText.printable(s.problem().orElse("")) + ")";
        }
        BudgetStatus st = s.status().get();
        return (st.exceeded() ? "✗ " : "✓ ") + what + ": " + spent(st);
    }

    /** {@code $8.40 spent (16.8 %) in the day starting 2026-12-07}, {@code , exceeded} when it is. */
    static String spent(BudgetStatus st) {
        return DollarText.ofPicos(st.spentPicos()) + " spent (" + String.format(Locale.ROOT, "%.1f %%",
                st.percentUsed()) + ") in the " + st.budget().period().noun() + " starting " + st.periodStart()
                + (st.exceeded() ? ", exceeded" : "");
    }
}
