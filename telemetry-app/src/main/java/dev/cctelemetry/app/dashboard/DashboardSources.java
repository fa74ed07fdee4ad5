package dev.cctelemetry.app.dashboard;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.config.StoreConfig;
import dev.cctelemetry.app.config.TelemetryConfig;
import dev.cctelemetry.app.doctor.CheckResult;
import dev.cctelemetry.app.doctor.DoctorChecks;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.remote.RemoteStores;
import dev.cctelemetry.app.state.LocalSyncMarks;
import dev.cctelemetry.core.port.out.RemoteStoreException;
import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.port.out.UsageSink;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Function;

/**
 * Where {@code cc-telemetry dashboard} reads from: this machine's ledger (its syncs from the status files), or
 * the shared store (every machine, each with its last push), both answered in SQL by the store. Each question
 * opens its own connection and closes it after, so the dashboard holds no connection and never the sync lock
 * between requests; syncs, hooks and the daemon write beside it.
 */
public final class DashboardSources {

    private final InstallLayout layout;
    private final Ledgers ledgers;
    private final Configs configs;
    private final RemoteStores stores;
    private final DoctorChecks doctor;

    @Inject
    DashboardSources(InstallLayout layout, Ledgers ledgers, Configs configs, RemoteStores stores,
            DoctorChecks doctor) {
        this.layout = layout;
        this.ledgers = ledgers;
        this.configs = configs;
        this.stores = stores;
        this.doctor = doctor;
    }

    /**
     * This machine's ledger (created empty when there is none yet).
     *
     * @throws AppException when the config or the ledger cannot be read
     */
    public DashboardData local() {
        TelemetryConfig config = configs.load();
        // Once up front: a damaged or newer ledger is reported before the server starts (and gets the schema the
        // queries read), not on every request.
        ledgers.open().close();
        String id = config.machineId();
        String name = config.machineName();
        // Each call of the SQL queries reads the last commit on a read-only connection of its own.
        UsageQueries sql = ledgers.queries(id, name);
        QueryScope ledger = new QueryScope() {
            @Override
            public <T> T ask(Function<UsageQueries, T> question) {
                return question.apply(sql);
            }
        };
        LocalSyncMarks marks = new LocalSyncMarks(layout);
        // The ledger's change sequence moves with every commit; the status files say when a sync ran at all.
        FileStamps stamps = new FileStamps(List.of(), List.of(layout.stateDir()));
        return new DashboardData(new DashboardQueries(ledger, () -> marks.read(id, name), stamps::stamp), false,
                "this machine (" + name + ", local ledger)");
    }

    /**
     * The shared store: every machine that pushed.
     *
     * @throws AppException when no store is configured or it cannot be reached
     */
    public DashboardData remote() {
        TelemetryConfig config = configs.load();
        StoreConfig store = config.store().orElseThrow(() -> AppException.failure(
                "no remote store configured: run 'cc-telemetry config set-store URL' first", null));
        String where;
        try (UsageSink sink = stores.sink(store)) {
            sink.machines();
            where = sink.describe();
        } catch (RemoteStoreException e) {
            throw AppException.failure(e.getMessage(), e);
        }
        QueryScope shared = new QueryScope() {
            @Override
            public <T> T ask(Function<UsageQueries, T> question) {
                try (UsageSink sink = stores.sink(store)) {
                    return question.apply(sink.queries());
                }
            }
        };
        // The store's own marks are each machine's last push, and its change counter moves with every push.
        return new DashboardData(new DashboardQueries(shared, () -> shared.ask(UsageQueries::lastSyncs), () -> 0),
                true, "all machines (" + where + ")");
    }

    /** Doctor's checks of this machine, in its order (takes a moment: it looks at Claude Code too). */
    public List<CheckResult> health() {
        return doctor.examine().results();
    }
}
