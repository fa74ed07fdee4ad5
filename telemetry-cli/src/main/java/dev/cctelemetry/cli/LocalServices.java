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
import dev.cctelemetry.store.sqlite.SqliteNativeLibrary;
import dev.cctelemetry.cli.config.ConfigStore;
import dev.cctelemetry.cli.config.StoreConfig;
import dev.cctelemetry.cli.config.TelemetryConfig;
import dev.cctelemetry.cli.platform.Platform;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.MachineIdentity;
import dev.cctelemetry.core.port.out.RemoteStoreException;
import dev.cctelemetry.core.push.Backoff;
import dev.cctelemetry.core.push.JsonPushStatusStore;
import dev.cctelemetry.core.push.PushMode;
import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.core.push.PushStatusStore;
import dev.cctelemetry.core.push.Pusher;
import dev.cctelemetry.store.postgres.PostgresSettings;
import dev.cctelemetry.store.postgres.PostgresUsageSink;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Opens what commands work with, on demand (so {@code --help} opens nothing): the ledger, the price table,
 * the sync service and the Claude roots to read.
 */
public final class LocalServices {

    private final TelemetryEnvironment environment;
    private final Clock clock;
    private final Platform platform;
    private PriceTable prices;

    /** Services for one process on {@code platform}. */
    @Inject
    public LocalServices(TelemetryEnvironment environment, Clock clock, Platform platform) {
        this.environment = environment;
        this.clock = clock;
        this.platform = platform;
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
        SqliteNativeLibrary.useFolder(environment.telemetryHome().resolve("lib").resolve("native"));
        try {
            return SqliteLedger.open(environment.ledgerFile(), prices().version());
        } catch (LedgerVersionException | LedgerOpenException e) {
            throw CliException.failure(e.getMessage(), e);
        }
    }

    /** A sync service writing into {@code ledger}. */
    public SyncService syncService(SqliteLedger ledger) {
        // One core for the thread that writes SQLite, the rest read: on two cores a second reader only took time
        // from the writer, which is the longer of the two (500 MiB cold: 1.7 s -> 1.6 s with one reader).
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        return new SyncService(ledger, new FileSyncLock(environment.syncLockFile()), new CostCalculator(prices()),
                System::nanoTime, threads, environment.batchRecords());
    }

    /** {@code config.json}, created on first use. */
    public TelemetryConfig config() {
        try {
            return configStore().loadOrCreate();
        } catch (IOException e) {
            throw CliException.failure(e.getMessage(), e);
        }
    }

    /** The store of {@code config.json}. */
    public ConfigStore configStore() {
        return new ConfigStore(environment.telemetryHome().resolve("config.json"),
                () -> Main.hostName(environment.env()));
    }

    /** This machine as the shared store lists it. */
    public MachineIdentity machine(TelemetryConfig config) {
        return new MachineIdentity(config.machineId(), config.machineName(), platform.osLabel());
    }

    /**
     * Connection settings for a configured store, the password resolved from the config or its environment
     * variable.
     *
     * @throws CliException when the settings are unusable (message never holds the password)
     */
    public PostgresSettings storeSettings(StoreConfig store) {
        String password;
        if (store.passwordEnv().isPresent()) {
            String name = store.passwordEnv().get();
            password = environment.env().get(name);
            if (password == null) {
                throw CliException.failure("environment variable " + name + " (store.password_env) is not set", null);
            }
        } else {
            password = store.password().orElse("");
        }
        try {
            PostgresSettings s = PostgresSettings.of(store.url(), store.user(), password)
                    .withTransactionPooler(store.transactionPooler()).withSchema(store.schema());
            return store.sslmode().isEmpty() ? s : s.withSslMode(PostgresSettings.SslMode.ofCode(store.sslmode().get()));
        } catch (IllegalArgumentException e) {
            throw CliException.failure("store settings in config.json: " + e.getMessage(), e);
        }
    }

    /** The configured remote store, not yet connected; the caller closes it. Empty when none is configured. */
    public Optional<PostgresUsageSink> openSink() {
        Optional<StoreConfig> store = config().store();
        if (store.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostgresUsageSink(storeSettings(store.get())));
        } catch (RemoteStoreException e) {
            throw CliException.failure(e.getMessage(), e);
        }
    }

    /** Where push outcomes and backoff are kept between processes. */
    public PushStatusStore pushStatus() {
        return new JsonPushStatusStore(environment.telemetryHome().resolve("state").resolve("push-status.json"));
    }

    /**
     * Pushes {@code ledger}'s pending records when a store is configured. Never throws: every failure (settings,
     * network, ledger) comes back as a result with a one-line, password-free message.
     */
    public PushResult push(Ledger ledger, PushMode mode) {
        try {
            TelemetryConfig config = config();
            if (config.store().isEmpty()) {
                return PushResult.notConfigured();
            }
            try (PostgresUsageSink sink = new PostgresUsageSink(storeSettings(config.store().get()))) {
                return new Pusher(ledger, sink, machine(config),
                        new FileSyncLock(environment.telemetryHome().resolve("state").resolve("push.lock")),
                        pushStatus(), Backoff.DEFAULT, clock, Pusher.DEFAULT_BATCH).push(mode);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushResult.failedBeforeStart("interrupted");
        } catch (RuntimeException e) {
            return PushResult.failedBeforeStart(Main.oneLine(e));
        }
    }

    /**
     * For hook workers and the daemon: opens the ledger, pushes with {@link PushMode#AUTOMATIC} (honouring the
     * backoff, never queueing behind another push) when a store is configured. Never throws.
     */
    public PushResult pushIfConfigured() {
        try {
            if (config().store().isEmpty()) {
                return PushResult.notConfigured();
            }
            try (SqliteLedger ledger = openLedger()) {
                return push(ledger, PushMode.AUTOMATIC);
            }
        } catch (RuntimeException e) {
            return PushResult.failedBeforeStart(Main.oneLine(e));
        }
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
