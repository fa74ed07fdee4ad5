package dev.cctelemetry.app.query;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.config.TelemetryConfig;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.remote.RemoteStores;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.RemoteStoreException;
import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.port.out.UsageSink;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers one question over {@link UsageQueries} from this machine's ledger or from the shared store, opening the
 * store for that question only (the ledger is in WAL mode: a reader never blocks a sync). Without a scope asked
 * for, the shared store answers when one is configured (every machine), else the ledger (this machine), as
 * {@code report} and {@code report --remote} would.
 */
public final class UsageQuerySource {

    private final Ledgers ledgers;
    private final Configs configs;
    private final RemoteStores stores;

    @Inject
    UsageQuerySource(Ledgers ledgers, Configs configs, RemoteStores stores) {
        this.ledgers = ledgers;
        this.configs = configs;
        this.stores = stores;
    }

    /** The scope a question without one gets: every machine when a shared store is configured. */
    public DataScope defaultScope() {
        return configs.load().store().isPresent() ? DataScope.ALL_MACHINES : DataScope.THIS_MACHINE;
    }

    /**
     * Asks {@code question} in {@code scope} ({@link #defaultScope()} when empty).
     *
     * @throws AppException when every machine is asked for and no store is configured, or the ledger or the store
     *     cannot be read (one line, no password)
     */
    public <T> ScopedAnswer<T> ask(Optional<DataScope> scope, Function<UsageQueries, T> question) {
        DataScope s = scope.orElseGet(this::defaultScope);
        return s == DataScope.THIS_MACHINE ? local(question) : remote(question);
    }

    private <T> ScopedAnswer<T> local(Function<UsageQueries, T> question) {
        TelemetryConfig config = configs.load();
        // Opened first so that the ledger exists and has the schema the SQL reads; the queries read beside it.
        try (Ledger ledger = ledgers.open()) {
            T value = question.apply(ledgers.queries(config.machineId(), config.machineName()));
            return new ScopedAnswer<>(value, DataScope.THIS_MACHINE,
                    "this machine (" + config.machineName() + ", local ledger)");
        }
    }

    private <T> ScopedAnswer<T> remote(Function<UsageQueries, T> question) {
        UsageSink sink = stores.open().orElseThrow(() -> AppException.failure(
                "no shared store configured, so only this machine's usage is known"
                        + " (run 'cc-telemetry config set-store URL' to share it)", null));
        try (sink) {
            T value = question.apply(sink.queries());
            return new ScopedAnswer<>(value, DataScope.ALL_MACHINES, "all machines (" + sink.describe() + ")");
        } catch (RemoteStoreException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }
}
