package dev.cctelemetry.cli;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.budget.BudgetBook;
import dev.cctelemetry.app.budget.BudgetState;
import dev.cctelemetry.app.budget.BudgetsStatus;
import dev.cctelemetry.core.budget.Budget;
import dev.cctelemetry.core.budget.BudgetPeriod;
import dev.cctelemetry.core.budget.BudgetScope;
import dev.cctelemetry.core.text.TerminalText;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cc-telemetry budget set|list|clear}: spending budgets, kept in {@code config.json}. */
@Command(name = "budget", mixinStandardHelpOptions = true,
        description = "Set, list or clear spending budgets (per day, week or month; one project or all; this machine,"
                + " another one or all machines). 'check' and the alerts read them.",
        subcommands = {BudgetCommand.Set.class, BudgetCommand.ListBudgets.class, BudgetCommand.Clear.class})
public final class BudgetCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The period flags: exactly one for {@code set}, at most one for {@code clear}. */
    static final class PeriodAmount {
        @Option(names = "--daily", paramLabel = "USD", description = "A budget per local calendar day.")
        String daily;

        @Option(names = "--weekly", paramLabel = "USD", description = "A budget per week (see --start-of-week).")
        String weekly;

        @Option(names = "--monthly", paramLabel = "USD", description = "A budget per calendar month.")
        String monthly;

        BudgetPeriod period() {
            return daily != null ? BudgetPeriod.DAILY : weekly != null ? BudgetPeriod.WEEKLY : BudgetPeriod.MONTHLY;
        }

        String amount() {
            return daily != null ? daily : weekly != null ? weekly : monthly;
        }
    }

    /** Whose spending counts. */
    static final class Scope {
        @Option(names = "--machine", paramLabel = "NAME", description = "Another machine of the shared store, by name"
                + " or id.")
        String machine;

        @Option(names = "--all-machines", description = "Every machine of the shared store.")
        boolean all;

        static BudgetScope of(Scope s) {
            if (s == null) {
                return BudgetScope.THIS_MACHINE;
            }
            return s.all ? BudgetScope.ALL_MACHINES : BudgetScope.machine(s.machine);
        }
    }

    /** {@code budget set --daily USD ...}. */
    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set a budget; setting one for the same period, project and machines again replaces it.")
    public static final class Set implements Callable<Integer> {

        @ArgGroup(exclusive = true, multiplicity = "1")
        PeriodAmount amount;

        @Option(names = "--project", paramLabel = "P", description = "Only this project folder, as 'report projects'"
                + " names it.")
        String project;

        @ArgGroup(exclusive = true)
        Scope scope;

        @Option(names = "--start-of-week", paramLabel = "DAY", defaultValue = "sunday",
                description = "First day of a week for --weekly (default: ${DEFAULT-VALUE}).")
        String startOfWeek;

        @Mixin
        VerboseOption verbose;

        @Spec
        CommandSpec spec;

        private final BudgetBook book;

        /** A budget set command. */
        @Inject
        public Set(BudgetBook book) {
            this.book = book;
        }

        @Override
        public Integer call() {
            Budget budget;
            try {
                budget = new Budget(amount.period(), usd(amount.amount()), Optional.ofNullable(project),
                        Scope.of(scope), weekStart(startOfWeek));
            } catch (IllegalArgumentException e) {
                throw AppException.usage(e.getMessage());
            }
            book.set(budget);
            spec.commandLine().getOut().println("Budget set: " + TerminalText.printable(budget.describe()));
            return ExitCode.OK;
        }
    }

    /** {@code budget list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the budgets with what their current period has cost so far.")
    public static final class ListBudgets implements Callable<Integer> {

        @Mixin
        VerboseOption verbose;

        @Spec
        CommandSpec spec;

        private final BudgetsStatus status;

        /** A budget list command. */
        @Inject
        public ListBudgets(BudgetsStatus status) {
            this.status = status;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<BudgetState> states = status.states(ZoneId.systemDefault());
            if (states.isEmpty()) {
                out.println("No budgets. Set one with 'cc-telemetry budget set --daily 20'.");
            }
            states.forEach(s -> out.println(s.line()));
            return ExitCode.OK;
        }
    }

    /** {@code budget clear [--daily|--weekly|--monthly] [--project P] [--machine M|--all-machines]}. */
    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Remove budgets: all of them, or those of the period, project and machines given (any"
                    + " value after --daily, --weekly or --monthly is ignored: 'clear --daily x').")
    public static final class Clear implements Callable<Integer> {

        @ArgGroup(exclusive = true)
        PeriodAmount period;

        @Option(names = "--project", paramLabel = "P", description = "Only budgets of this project.")
        String project;

        @ArgGroup(exclusive = true)
        Scope scope;

        @Mixin
        VerboseOption verbose;

        @Spec
        CommandSpec spec;

        private final BudgetBook book;

        /** A budget clear command. */
        @Inject
        public Clear(BudgetBook book) {
            this.book = book;
        }

        @Override
        public Integer call() {
            List<Budget> removed = book.clear(b -> (period == null || b.period() == period.period())
                    && (project == null || b.project().equals(Optional.of(project)))
                    && (scope == null || b.scope().equals(Scope.of(scope))));
            PrintWriter out = spec.commandLine().getOut();
            if (removed.isEmpty()) {
                out.println("No budget matched; nothing removed.");
            }
            removed.forEach(b -> out.println("Removed: " + TerminalText.printable(b.describe())));
            return ExitCode.OK;
        }
    }

    static BigDecimal usd(String text) {
        String t = text.strip();
        if (t.startsWith("$")) {
            t = t.substring(1);
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an amount in USD (e.g. 20 or 12.50)");
        }
    }

    static DayOfWeek weekStart(String day) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equalsIgnoreCase(day)) {
                return d;
            }
        }
        throw new IllegalArgumentException("--start-of-week '" + day + "': use a day such as sunday or monday");
    }
}
