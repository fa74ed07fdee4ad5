package dev.cctelemetry.app.metrics;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.config.TelemetryConfig;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.query.DataScope;
import dev.cctelemetry.app.query.UsageQuerySource;
import dev.cctelemetry.app.remote.RemoteStores;
import dev.cctelemetry.app.state.LocalSyncMarks;
import dev.cctelemetry.core.port.out.RemoteStoreException;
import dev.cctelemetry.core.port.out.UsageSink;
import dev.cctelemetry.core.query.SyncMark;
import dev.cctelemetry.core.query.SyncTrigger;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the usage metrics: from this machine's ledger (its hook, daemon, manual-sync and push status files give
 * the health marks) or from the shared store (every machine, each with its last push). Each call opens what it
 * reads and closes it before returning, so a long-running exporter holds no connection and no lock between
 * scrapes, and a sync never waits for it. Nothing is created: without a ledger the usage is empty.
 */
public final class UsageMetricsReader {

    private final Ledgers ledgers;
    private final UsageQuerySource queries;
    private final Configs configs;
    private final RemoteStores stores;
    private final InstallLayout layout;
    private final Clock clock;

    @Inject
    UsageMetricsReader(Ledgers ledgers, UsageQuerySource queries, Configs configs, RemoteStores stores,
            InstallLayout layout, Clock clock) {
        this.ledgers = ledgers;
        this.queries = queries;
        this.configs = configs;
        this.stores = stores;
        this.layout = layout;
        this.clock = clock;
    }

    /**
     * This machine's metrics.
     *
     * @param topProjects how many projects keep their own label
     */
    public UsageMetrics local(int topProjects) {
        Instant now = clock.instant();
        TelemetryConfig config = configs.load();
        List<UsageSeries> usage = List.of();
        if (ledgers.exists()) {
            usage = queries.ask(Optional.of(DataScope.THIS_MACHINE), q -> UsageSeriesTable.of(q, topProjects))
                    .value();
        }
        return new UsageMetrics(now, UsageMetrics.Scope.LOCAL, usage,
                new LocalSyncMarks(layout).read(config.machineId(), config.machineName()));
    }

    /**
     * Every machine's metrics, from the shared store.
     *
     * @param topProjects how many projects keep their own label
     * @throws AppException when no store is configured or it cannot be read
     */
    public UsageMetrics remote(int topProjects) {
        Instant now = clock.instant();
        UsageSink sink = stores.open().orElseThrow(() -> AppException.failure(
                "no remote store configured: run 'cc-telemetry config set-store URL' first", null));
        try (sink) {
            List<SyncMark> marks = sink.machines().stream().map(m -> new SyncMark(m.machineId(), m.name(),
                    SyncTrigger.PUSH, Optional.of(m.lastPush()), Optional.<Instant>empty(), "")).toList();
            return new UsageMetrics(now, UsageMetrics.Scope.REMOTE, UsageSeriesTable.of(sink.queries(), topProjects),
                    marks);
        } catch (RemoteStoreException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }
}
