package dev.cctelemetry.app.budget;

import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.config.TelemetryConfig;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.remote.RemoteStores;
import dev.cctelemetry.core.budget.Budget;
import dev.cctelemetry.core.budget.BudgetCalendar;
import dev.cctelemetry.core.budget.BudgetStatus;
import dev.cctelemetry.core.error.ErrorLine;
import dev.cctelemetry.core.port.out.UsageSink;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.report.RecordStreamQueries;
import dev.cctelemetry.core.report.RemoteRecordSource;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where every budget stands in its current period (days, weeks and months of the given zone): this machine's spend
 * from the ledger (works offline), another machine's or every machine's from the shared store. A budget whose
 * store cannot be read is listed with the reason, never as $0.
 */
public final class BudgetsStatus {

    private final BudgetBook book;
    private final Ledgers ledgers;
    private final RemoteStores stores;
    private final Configs configs;
    private final Clock clock;

    @Inject
    BudgetsStatus(BudgetBook book, Ledgers ledgers, RemoteStores stores, Configs configs, Clock clock) {
        this.book = book;
        this.ledgers = ledgers;
        this.stores = stores;
        this.configs = configs;
        this.clock = clock;
    }

    /** Every budget's state now, in the order they were set; opens the ledger (and the store) itself. */
    public List<BudgetState> states(ZoneId zone) {
        List<Budget> budgets = book.list();
        if (budgets.isEmpty()) {
            return List.of();
        }
        ledgers.open().close(); // created or upgraded before the read-only queries
        return states(budgets, zone);
    }

    /**
     * Every budget's state now, this machine's spend summed in SQL over the ledger (which must exist: a caller
     * that has it open, or {@link #states(ZoneId)}), as every report sums it.
     */
    public List<BudgetState> states(List<Budget> budgets, ZoneId zone) {
        Instant now = clock.instant();
        BudgetCalendar calendar = new BudgetCalendar(zone);
        TelemetryConfig config = configs.load();
        List<BudgetState> out = new ArrayList<>();
        Optional<UsageSink> sink = Optional.empty();
        try {
            for (Budget b : budgets) {
                BudgetCalendar.Window w = calendar.current(b, now);
                UsageFilter filter = UsageFilter.ALL.between(Optional.of(w.from()), Optional.of(w.until()))
                        .withProjects(b.project().map(Set::of).orElse(Set.of()));
                try {
                    long spent;
                    if (!b.scope().remote()) {
                        spent = ledgers.queries(config.machineId(), config.machineName()).totals(filter)
                                .costPicos();
                    } else {
                        if (sink.isEmpty()) {
                            sink = Optional.of(stores.open().orElseThrow(() -> new IllegalStateException(
                                    "no shared store configured ('cc-telemetry config set-store URL')")));
                        }
                        spent = new RecordStreamQueries(new RemoteRecordSource(sink.get(), b.scope().machine()), "",
                                "").totals(filter).costPicos();
                    }
                    out.add(new BudgetState(b, Optional.of(new BudgetStatus(b, w.start(), w.from(), w.until(), spent)),
                            Optional.empty()));
                } catch (RuntimeException e) {
                    out.add(new BudgetState(b, Optional.empty(), Optional.of(ErrorLine.of(e))));
                }
            }
        } finally {
            sink.ifPresent(s -> {
                try {
                    s.close();
                } catch (RuntimeException e) {
                    // closing a store that failed: nothing left to release
                }
            });
        }
        return out;
    }
}
