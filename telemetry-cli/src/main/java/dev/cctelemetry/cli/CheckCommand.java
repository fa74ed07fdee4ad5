package dev.cctelemetry.cli;

import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.budget.BudgetState;
import dev.cctelemetry.app.budget.BudgetsStatus;
import dev.cctelemetry.app.limits.LimitsReport;
import dev.cctelemetry.app.limits.WindowHistory;
import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.core.text.TerminalText;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cc-telemetry check}: every budget and every plan-limit window of this machine, one line each; exit 4 when
 * one is used up, for scripts and CI.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Print the state of every budget and plan limit; exit 4 when one is used up (for scripts and"
                + " CI).", "Budgets of other machines are read from the shared store; plan limits are this"
                + " machine's latest readings."})
public final class CheckCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final BudgetsStatus budgets;
    private final LimitsReport limits;

    /** A check command. */
    @Inject
    public CheckCommand(BudgetsStatus budgets, LimitsReport limits) {
        this.budgets = budgets;
        this.limits = limits;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ZoneId zone = ZoneId.systemDefault();
        List<BudgetState> states = budgets.states(zone);
        out.println("Budgets");
        if (states.isEmpty()) {
            out.println("  none set ('cc-telemetry budget set --daily 20')");
        }
        states.forEach(s -> out.println("  " + s.line()));
        boolean exceeded = states.stream().anyMatch(BudgetState::exceeded);
        out.println("Plan limits");
        List<WindowHistory> windows = limits.local().stream().filter(w -> w.current().isPresent()).toList();
        if (windows.isEmpty()) {
            out.println("  no current reading (they come from Claude Code's status line:"
                    + " 'cc-telemetry setup-hooks --statusline')");
        }
        for (WindowHistory w : windows) {
            PlanLimitReading r = w.current().orElseThrow();
            boolean full = r.usedPercentage() >= 100;
            exceeded |= full;
            out.println("  " + (full ? "✗ " : "✓ ") + TerminalText.printable(w.window().label()) + " "
                    + String.format(Locale.ROOT, "%.1f %%", r.usedPercentage()) + " used, resets "
                    + WHEN.format(r.resetsAt().atZone(zone)) + " (seen " + WHEN.format(r.seenAt().atZone(zone)) + ")");
        }
        out.flush();
        return exceeded ? ExitCode.EXCEEDED : ExitCode.OK;
    }
}
