package dev.cctelemetry.app.ledger;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.core.io.PrivateFiles;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.store.sqlite.LedgerOpenException;
import dev.cctelemetry.store.sqlite.LedgerVersionException;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import dev.cctelemetry.store.sqlite.SqliteNativeLibrary;
import dev.cctelemetry.store.sqlite.SqliteUsageQueries;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.BiFunction;
import dev.cctelemetry.core.port.out.AlertLog;
import dev.cctelemetry.core.port.out.PlanLimitLog;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Opens this machine's ledger ({@code telemetry.db}). Each call opens a connection of its own, which the caller
 * closes: commands open it once, the daemon once per pass (so a pass recovers from a ledger broken during the
 * last), and a long-running reader next to syncs opens it per query.
 */
public final class Ledgers {

    private final InstallLayout layout;
    private final PriceTables prices;
    private final Clock clock;

    @Inject
    Ledgers(InstallLayout layout, PriceTables prices, Clock clock) {
        this.layout = layout;
        this.prices = prices;
        // The status line figures a sync publishes are dated in the user's zone, where "today" is.
        this.clock = clock.withZone(ZoneId.systemDefault());
    }

    /**
     * Opens the ledger, creating or migrating it when needed; the caller closes it.
     *
     * @throws AppException when it cannot be opened (damaged, written by a newer version ...)
     */
    public Ledger open() {
        return openSqlite();
    }

    /** Whether a ledger file exists yet (nothing synced on this machine otherwise). */
    public boolean exists() {
        return Files.exists(layout.ledger());
    }

    /**
     * Loads the SQLite driver and its native library from {@link InstallLayout#nativeLibDir()}, without opening
     * anything: a front end's start-up warm-up calls it on a second core while the first builds the injector.
     */
    public static void preloadDriver(InstallLayout layout) {
        SqliteNativeLibrary.preload(layout.nativeLibDir());
    }

    /**
     * Runs {@code work} over this machine's plan-limit history and alert log in the ledger (opened and closed
     * here). The ledger is created when it does not exist yet, as any command that opens it does.
     */
    public <T> T withLimitsAndAlerts(BiFunction<PlanLimitLog, AlertLog, T> work) {
        try (SqliteLedger ledger = openSqlite()) {
            return work.apply(ledger.planLimitLog(), ledger.alertLog());
        }
    }

    /**
     * Runs {@code work} over this machine's ledger, its plan-limit history and its alert log (opened and closed
     * here, created when it does not exist yet): what evaluating alerts reads and writes.
     */
    public <T> T withAlerts(AlertWork<T> work) {
        try (SqliteLedger ledger = openSqlite()) {
            return work.apply(ledger, ledger.planLimitLog(), ledger.alertLog());
        }
    }

    /**
     * Work over the ledger's records, plan-limit history and alert log, on one connection.
     *
     * @param <T> what it gives
     */
    @FunctionalInterface
    public interface AlertWork<T> {
        /** Does the work. */
        T apply(Ledger ledger, PlanLimitLog limits, AlertLog alerts);
    }

    /**
     * The aggregate queries over this machine's ledger, answered in SQL; every call reads the last commit on a
     * connection of its own, so holding the queries holds nothing open.
     *
     * @param machineId this machine's id (every record in the ledger is its)
     * @param machineName its name
     */
    public UsageQueries queries(String machineId, String machineName) {
        SqliteNativeLibrary.useFolder(layout.nativeLibDir());
        return SqliteUsageQueries.over(layout.ledger(), machineId, machineName);
    }

    /** The SQLite ledger itself, for the application layer's own repair and checks. */
    SqliteLedger openSqlite() {
        SqliteNativeLibrary.useFolder(layout.nativeLibDir());
        try {
            // state/ before the ledger file, so that a ledger without state/ always means state/ was lost: a sync
            // starting while another creates a fresh home must not see the new ledger without its state/ yet and
            // call that a recovery (issue 19.12).
            PrivateFiles.createDirectories(layout.stateDir());
        } catch (IOException e) {
            throw AppException.failure("cannot create " + layout.stateDir() + ": " + e.getMessage(), e);
        }
        try {
            return SqliteLedger.open(layout.ledger(), prices.prices().version(), clock);
        } catch (LedgerVersionException | LedgerOpenException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }
}
