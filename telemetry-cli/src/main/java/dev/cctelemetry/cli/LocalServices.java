package dev.cctelemetry.cli;

import dev.cctelemetry.core.lock.FileSyncLock;
import dev.cctelemetry.core.pricing.CostCalculator;
import dev.cctelemetry.core.pricing.PriceTable;
import dev.cctelemetry.core.pricing.PriceTableLoader;
import dev.cctelemetry.core.sync.SyncService;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.ClaudeRootResolver;
import dev.cctelemetry.store.sqlite.LedgerOpenException;
import dev.cctelemetry.store.sqlite.LedgerVersionException;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Opens what commands work with, on demand (so {@code --help} opens nothing): the ledger, the price table,
 * the sync service and the Claude roots to read.
 */
public final class LocalServices {

    private final TelemetryEnvironment environment;
    private PriceTable prices;

    /** Services for one process. */
    @Inject
    public LocalServices(TelemetryEnvironment environment) {
        this.environment = environment;
    }

    /** The environment the process runs in. */
    public TelemetryEnvironment environment() {
        return environment;
    }

    /** The price table: shipped, overlaid with {@code prices.json} in the telemetry home when present. */
    public PriceTable prices() {
        if (prices == null) {
            try {
                prices = new PriceTableLoader().withOverrides(Optional.of(environment.userPriceFile()));
            } catch (IllegalArgumentException e) {
                throw CliException.failure(e.getMessage(), e);
            }
        }
        return prices;
    }

    /** Opens the ledger; the caller closes it. */
    public SqliteLedger openLedger() {
        try {
            return SqliteLedger.open(environment.ledgerFile(), prices().version());
        } catch (LedgerVersionException | LedgerOpenException e) {
            throw CliException.failure(e.getMessage(), e);
        }
    }

    /** A sync service writing into {@code ledger}. */
    public SyncService syncService(SqliteLedger ledger) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        return new SyncService(ledger, new FileSyncLock(environment.syncLockFile()), new CostCalculator(prices()),
                System::nanoTime, threads);
    }

    /**
     * The Claude roots to read.
     *
     * @param explicit {@code --claude-dir} values; a named folder without {@code projects/} is a usage error
     */
    public List<ClaudeRoot> roots(List<Path> explicit) {
        ClaudeRootResolver.Resolution r = new ClaudeRootResolver(environment.env(), environment.userHome())
                .resolve(explicit);
        if (r.explicit() && !r.missing().isEmpty()) {
            String where = explicit.isEmpty() ? " (from CLAUDE_CONFIG_DIR)" : "";
            throw CliException.usage("no Claude Code transcripts in " + r.missing().get(0)
                    + where + ": expected a folder with a projects/ subfolder");
        }
        return r.roots();
    }
}
