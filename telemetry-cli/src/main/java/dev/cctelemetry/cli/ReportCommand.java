package dev.cctelemetry.cli;

import dev.cctelemetry.cli.config.TelemetryConfig;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.RemoteStoreException;
import dev.cctelemetry.core.port.out.UsageRecordSource;
import dev.cctelemetry.core.port.out.UsageSink;
import dev.cctelemetry.core.push.PushMode;
import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.core.report.MachineReport;
import dev.cctelemetry.core.report.RemoteRecordSource;
import dev.cctelemetry.core.report.Report;
import dev.cctelemetry.core.report.ReportJsonWriter;
import dev.cctelemetry.core.report.ReportKind;
import dev.cctelemetry.core.report.ReportOptions;
import dev.cctelemetry.core.report.ReportService;
import dev.cctelemetry.core.report.ReportTableRenderer;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.store.postgres.PostgresUsageSink;
import dev.cctelemetry.store.postgres.RemoteMachine;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cc-telemetry report KIND}: usage tables from the ledger, after an incremental sync. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Show usage and cost per day, month, session, project, model or 5-hour block."
                + " Syncs new transcript lines first (use --no-sync to read the ledger as it is).")
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KIND", defaultValue = "daily",
            description = "daily, monthly, sessions, projects, models, blocks or machines (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--remote", description = "Report from the shared store (every machine) instead of the local"
            + " ledger (this machine).")
    boolean remote;

    @Option(names = "--machine", paramLabel = "NAME", description = "Only this machine's records (name or id).")
    String machine;

    @Option(names = "--since", paramLabel = "DATE", description = "First day to include (YYYY-MM-DD or YYYYMMDD).")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Last day to include (YYYY-MM-DD or YYYYMMDD).")
    String until;

    @Option(names = {"-z", "--timezone"}, paramLabel = "ZONE",
            description = "IANA time zone for days and months (default: the system's, honouring TZ).")
    String timezone;

    @Option(names = "--json", description = "Print JSON (ccusage-compatible shapes) instead of a table.")
    boolean json;

    @Option(names = "--no-sync", description = "Do not ingest new transcript lines first.")
    boolean noSync;

    @Mixin
    ClaudeDirsOption claudeDirs;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final LocalServices services;
    private final Clock clock;

    /** A report command. */
    @Inject
    public ReportCommand(LocalServices services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        boolean machines = kind.equalsIgnoreCase("machines");
        ReportKind reportKind = machines ? null : parseKind(kind);
        ReportOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        try (SqliteLedger ledger = services.openLedger()) {
            if (!noSync) {
                SyncSummary s = services.syncService(ledger).sync(
                        new SyncRequest(services.roots(claudeDirs.dirs), false, f -> true), SyncProgress.NONE);
                if (!json && (s.newRecords() > 0 || s.updatedRecords() > 0)) {
                    spec.commandLine().getErr().println(SyncCommand.summaryLine(s));
                }
                PushResult pushed = services.push(ledger, PushMode.AUTOMATIC);
                if (pushed.outcome() == PushResult.Outcome.FAILED) {
                    spec.commandLine().getErr().println("cc-telemetry: " + pushed.summaryLine());
                }
            }
            String text;
            if (remote) {
                text = remoteReport(reportKind, options);
            } else {
                text = localReport(ledger, reportKind, options);
            }
            out.print(text);
            out.flush();
        }
        return ExitCode.OK;
    }

    private String localReport(SqliteLedger ledger, ReportKind reportKind, ReportOptions options) throws IOException {
        TelemetryConfig config = services.config();
        boolean mine = machine == null || machine.equals(config.machineName())
                || machine.equalsIgnoreCase(config.machineId());
        if (!mine) {
            spec.commandLine().getErr().println("cc-telemetry: the local ledger holds only this machine ("
                    + config.machineName() + "); use --remote for machine " + machine);
        }
        UsageRecordSource source = mine ? ledger : (filter, action) -> { };
        if (reportKind == null) {
            MachineReport report = new MachineReport().machine(config.machineId(), config.machineName(),
                    services.pushStatus().load().lastSuccess());
            if (mine) {
                source.forEachRecord(range(options), r -> report.add(config.machineId(), config.machineName(), r));
            }
            return machines(report, "this machine (local ledger)", options);
        }
        return render(new ReportService(source, clock).report(reportKind, options));
    }

    private String remoteReport(ReportKind reportKind, ReportOptions options) throws IOException {
        PostgresUsageSink sink = services.openSink().orElseThrow(() -> CliException.failure(
                "no remote store configured: run 'cc-telemetry config set-store URL' first", null));
        try (sink) {
            if (reportKind == null) {
                MachineReport report = new MachineReport();
                for (RemoteMachine m : sink.machines()) {
                    if (machine == null || machine.equals(m.name()) || machine.equalsIgnoreCase(m.machineId())) {
                        report.machine(m.machineId(), m.name(), Optional.of(m.lastPush()));
                    }
                }
                Ledger.RecordFilter f = range(options);
                sink.reportRecords(new UsageSink.ReportFilter(f.from(), f.until(), Optional.ofNullable(machine)),
                        row -> {
                            if (options.includes(row.record().timestamp().atZone(options.zone()).toLocalDate())) {
                                report.add(row);
                            }
                        });
                return machines(report, "all machines (" + sink.describe() + ")", options);
            }
            return render(new ReportService(new RemoteRecordSource(sink, Optional.ofNullable(machine)), clock)
                    .report(reportKind, options));
        } catch (RemoteStoreException e) {
            throw CliException.failure(e.getMessage(), e);
        }
    }

    private String render(Report<?> report) throws IOException {
        return json ? new ReportJsonWriter().toJson(report) + "\n" : new ReportTableRenderer().render(report);
    }

    private String machines(MachineReport report, String scope, ReportOptions options) {
        return json ? report.renderJson() + "\n" : report.renderTable("Usage by machine: " + scope, options.zone());
    }

    /** Timestamp bounds that cover the options' local dates. */
    private static Ledger.RecordFilter range(ReportOptions options) {
        ZoneId zone = options.zone();
        return new Ledger.RecordFilter(options.since().map(d -> d.atStartOfDay(zone).toInstant()),
                options.until().map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private static ReportKind parseKind(String name) {
        try {
            return ReportKind.ofName(name);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("unknown report '" + name
                    + "': use daily, monthly, sessions, projects, models, blocks or machines");
        }
    }

    private ReportOptions options() {
        ZoneId zone;
        try {
            zone = timezone == null ? ZoneId.systemDefault() : ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw CliException.usage("unknown time zone '" + timezone + "': use an IANA name like Europe/Paris");
        }
        ReportOptions o = ReportOptions.all(zone);
        Optional<LocalDate> from = date("--since", since);
        Optional<LocalDate> to = date("--until", until);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw CliException.usage("--since " + since + " is after --until " + until);
        }
        if (from.isPresent()) {
            o = o.withSince(from.get());
        }
        if (to.isPresent()) {
            o = o.withUntil(to.get());
        }
        return o;
    }

    private static Optional<LocalDate> date(String flag, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.length() == 8 && value.chars().allMatch(Character::isDigit)
                    ? LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE)
                    : LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw CliException.usage(String.format(Locale.ROOT, "%s '%s' is not a date (YYYY-MM-DD)", flag, value));
        }
    }
}
