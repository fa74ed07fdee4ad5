package dev.cctelemetry.app.report;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.config.TelemetryConfig;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.push.Pushes;
import dev.cctelemetry.app.remote.RemoteStores;
import dev.cctelemetry.app.roots.ClaudeRoots;
import dev.cctelemetry.app.sync.Syncs;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.RemoteMachine;
import dev.cctelemetry.core.port.out.RemoteStoreException;
import dev.cctelemetry.core.port.out.UsageSink;
import dev.cctelemetry.core.push.PushMode;
import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.core.report.MachineReport;
import dev.cctelemetry.core.report.Report;
import dev.cctelemetry.core.report.ReportFormat;
import dev.cctelemetry.core.report.ReportJsonWriter;
import dev.cctelemetry.core.report.ReportKind;
import dev.cctelemetry.core.report.ReportOptions;
import dev.cctelemetry.core.report.ReportService;
import dev.cctelemetry.core.report.ReportTableRenderer;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncSummary;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Usage reports, rendered as a table or ccusage-shaped JSON: from this machine's ledger (after an incremental sync
 * and push, unless asked not to) or from the shared store (every machine), and machines side by side.
 */
public final class UsageReports {

    private final Ledgers ledgers;
    private final Syncs syncs;
    private final ClaudeRoots roots;
    private final Pushes pushes;
    private final Configs configs;
    private final RemoteStores stores;
    private final Clock clock;

    @Inject
    UsageReports(Ledgers ledgers, Syncs syncs, ClaudeRoots roots, Pushes pushes, Configs configs,
            RemoteStores stores, Clock clock) {
        this.ledgers = ledgers;
        this.syncs = syncs;
        this.roots = roots;
        this.pushes = pushes;
        this.configs = configs;
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * What the refresh before a report did.
     *
     * @param sync the incremental sync
     * @param push the automatic push after it
     * @param notes what is worth saying about the transcript folders (one missing, none found), a line each
     */
    public record Refresh(SyncSummary sync, PushResult push, List<String> notes) {
        public Refresh {
            notes = List.copyOf(notes);
        }
    }

    /** Opens the ledger a report reads; the caller closes it. */
    public Ledger openLedger() {
        return ledgers.open();
    }

    /** Syncs what is new under the roots into {@code ledger}, then pushes (automatic mode). */
    public Refresh refresh(Ledger ledger, List<Path> claudeDirs) throws IOException, InterruptedException {
        List<String> notes = new ArrayList<>();
        SyncSummary s = syncs.over(ledger).sync(new SyncRequest(roots.resolveForReport(claudeDirs, notes::add),
                false, f -> true), SyncProgress.NONE);
        return new Refresh(s, pushes.push(ledger, PushMode.AUTOMATIC), notes);
    }

    /**
     * A report from this machine's ledger.
     *
     * @param kind the report; empty for machines side by side
     * @param machine {@code --machine}: a name or id other than this machine's selects nothing here
     * @param format table or JSON, and the rows' order
     * @param warnings told why a selection is empty
     */
    public String local(Ledger ledger, Optional<ReportKind> kind, ReportOptions options, Optional<String> machine,
            ReportFormat format, Consumer<String> warnings) throws IOException {
        TelemetryConfig config = configs.load();
        boolean mine = machine.isEmpty() || machine.get().equals(config.machineName())
                || machine.get().equalsIgnoreCase(config.machineId());
        if (!mine) {
            warnings.accept("the local ledger holds only this machine (" + config.machineName()
                    + "); use --remote for machine " + machine.get());
        }
        if (kind.isEmpty()) {
            MachineReport report = new MachineReport().machine(config.machineId(), config.machineName(),
                    pushes.status().load().lastSuccess());
            if (mine) {
                ledger.forEachRecord(range(options), r -> report.add(config.machineId(), config.machineName(), r));
            }
            return machines(report, "this machine (local ledger)", options, format);
        }
        // Another machine's name selects nothing here: the ledger's queries hold this machine's records only.
        ReportOptions selected = mine ? options : options.withMachines(java.util.Set.of(machine.get()));
        return render(new ReportService(ledgers.queries(config.machineId(), config.machineName()), clock)
                .report(kind.get(), selected), format);
    }

    /**
     * A report from the shared store.
     *
     * @throws AppException when no store is configured or it cannot be reached
     */
    public String remote(Optional<ReportKind> kind, ReportOptions options, Optional<String> machine,
            ReportFormat format) throws IOException {
        UsageSink sink = stores.open().orElseThrow(() -> AppException.failure(
                "no remote store configured: run 'cc-telemetry config set-store URL' first", null));
        try (sink) {
            if (kind.isEmpty()) {
                MachineReport report = new MachineReport();
                for (RemoteMachine m : sink.machines()) {
                    if (machine.isEmpty() || machine.get().equals(m.name())
                            || machine.get().equalsIgnoreCase(m.machineId())) {
                        report.machine(m.machineId(), m.name(), Optional.of(m.lastPush()));
                    }
                }
                Ledger.RecordFilter f = range(options);
                sink.reportRecords(new UsageSink.ReportFilter(f.from(), f.until(), machine), row -> {
                    if (options.includes(row.record().timestamp().atZone(options.zone()).toLocalDate())) {
                        report.add(row);
                    }
                });
                return machines(report, "all machines (" + sink.describe() + ")", options, format);
            }
            ReportOptions selected = machine.map(m -> options.withMachines(java.util.Set.of(m))).orElse(options);
            return render(new ReportService(sink.queries(), clock).report(kind.get(), selected), format);
        } catch (RemoteStoreException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }

    private static String render(Report<?> report, ReportFormat format) {
        Report<?> ordered = format.ordered(report);
        return format.json() ? new ReportJsonWriter().toJson(ordered) + "\n"
                : new ReportTableRenderer().render(ordered, format);
    }

    private static String machines(MachineReport report, String scope, ReportOptions options, ReportFormat format) {
        return format.json() ? report.renderJson() + "\n"
                : report.renderTable("Usage by machine: " + scope, options.zone(), format.width());
    }

    /** Timestamp bounds that cover the options' local dates. */
    private static Ledger.RecordFilter range(ReportOptions options) {
        ZoneId zone = options.zone();
        return new Ledger.RecordFilter(options.since().map(d -> d.atStartOfDay(zone).toInstant()),
                options.until().map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()));
    }
}
