package dev.cctelemetry.app.dashboard;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.config.TelemetryConfig;
import dev.cctelemetry.app.doctor.CheckResult;
import dev.cctelemetry.app.doctor.DoctorChecks;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.remote.RemoteStores;
import dev.cctelemetry.app.state.LocalSyncMarks;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.RemoteMachine;
import dev.cctelemetry.core.port.out.RemoteStoreException;
import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.port.out.UsageSink;
import dev.cctelemetry.core.query.SyncMark;
import dev.cctelemetry.core.query.SyncTrigger;
import dev.cctelemetry.core.report.RecordStreamQueries;
import dev.cctelemetry.core.report.RemoteRecordSource;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where {@code cc-telemetry dashboard} reads from: this machine's ledger (its syncs from the status files), or
 * the shared store (every machine, each with its last push). Each question opens the store and closes it after,
 * so the dashboard holds no connection and never the sync lock between requests; syncs, hooks and the daemon
 * write beside it.
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
        // Once up front: a damaged or newer ledger is reported before the server starts, not on every request.
        ledgers.open().close();
        String id = config.machineId();
        String name = config.machineName();
        QueryScope ledger = new QueryScope() {
            @Override
            public <T> T ask(Function<UsageQueries, T> question) {
                try (Ledger l = ledgers.open()) {
                    return question.apply(new RecordStreamQueries(l, id, name));
                }
            }
        };
        LocalSyncMarks marks = new LocalSyncMarks(layout);
        Path log = layout.ledger().resolveSibling(layout.ledger().getFileName() + "-wal");
        FileStamps stamps = new FileStamps(List.of(layout.ledger(), log), List.of(layout.stateDir()));
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
        if (config.store().isEmpty()) {
            throw AppException.failure("no remote store configured: run 'cc-telemetry config set-store URL' first",
                    null);
        }
        String where;
        try (UsageSink sink = stores.sink(config.store().get())) {
            sink.machines();
            where = sink.describe();
        } catch (RemoteStoreException e) {
            throw AppException.failure(e.getMessage(), e);
        }
        QueryScope store = new QueryScope() {
            @Override
            public <T> T ask(Function<UsageQueries, T> question) {
                try (UsageSink sink = stores.sink(config.store().get())) {
                    return question.apply(new RecordStreamQueries(new RemoteRecordSource(sink, Optional.empty()),
                            "", ""));
                }
            }
        };
        // Every push moves some machine's last-push time: that is the shared store's change counter.
        return new DashboardData(new DashboardQueries(store, () -> pushes(config), () -> pushes(config).hashCode()),
                true, "all machines (" + where + ")");
    }

    /** Doctor's checks of this machine, in its order (takes a moment: it looks at Claude Code too). */
    public List<CheckResult> health() {
        return doctor.examine().results();
    }

    private List<SyncMark> pushes(TelemetryConfig config) {
        try (UsageSink sink = stores.sink(config.store().get())) {
            return sink.machines().stream().sorted(Comparator.comparing(RemoteMachine::name))
                    .map(m -> new SyncMark(m.machineId(), m.name(), SyncTrigger.PUSH, Optional.of(m.lastPush()),
                            Optional.empty(), ""))
                    .toList();
        }
    }
}
