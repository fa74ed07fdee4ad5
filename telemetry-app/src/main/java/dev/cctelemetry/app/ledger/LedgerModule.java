package dev.cctelemetry.app.ledger;

import com.google.inject.AbstractModule;
import dev.cctelemetry.app.budget.BudgetBook;
import dev.cctelemetry.app.budget.BudgetsStatus;
import dev.cctelemetry.app.limits.LimitsReport;
import dev.cctelemetry.app.query.UsageQuerySource;
import dev.cctelemetry.app.report.UsageReports;

/**
 * The ledger feature: this machine's SQLite ledger behind the {@code Ledger} port, and the reports read from it
 * (or from the shared store).
 *
 * <p>Public bindings: {@link PriceTables} (one per process: the table is read once), {@link Ledgers},
 * {@link LedgerRepair}, {@link UsageReports}, {@link UsageQuerySource} (the aggregate
 * queries of a long-running front end), {@link LimitsReport}, {@link BudgetBook}, {@link BudgetsStatus}.
 */
public final class LedgerModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(PriceTables.class).in(jakarta.inject.Singleton.class);
        bind(Ledgers.class);
        bind(LedgerRepair.class);
        bind(UsageReports.class);
        bind(UsageQuerySource.class);
        bind(LimitsReport.class);
        bind(BudgetBook.class);
        bind(BudgetsStatus.class);
    }
}
