package dev.cctelemetry.cli;

import dev.cctelemetry.core.report.Report;
import dev.cctelemetry.core.report.ReportJsonWriter;
import dev.cctelemetry.core.report.ReportKind;
import dev.cctelemetry.core.report.ReportOptions;
import dev.cctelemetry.core.report.ReportService;
import dev.cctelemetry.core.report.ReportTableRenderer;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncSummary;
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
            description = "daily, monthly, sessions, projects, models or blocks (default: ${DEFAULT-VALUE}).")
    String kind;

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

    @Option(names = "--claude-dir", paramLabel = "DIR", description = "Claude config folder(s) to sync from.")
    List<Path> claudeDirs = new ArrayList<>();

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
        ReportKind reportKind = parseKind(kind);
        ReportOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        try (SqliteLedger ledger = services.openLedger()) {
            if (!noSync) {
                SyncSummary s = services.syncService(ledger).sync(
                        new SyncRequest(services.roots(claudeDirs), false, f -> true), SyncProgress.NONE);
                if (!json && (s.newRecords() > 0 || s.updatedRecords() > 0)) {
                    spec.commandLine().getErr().println(SyncCommand.summaryLine(s));
                }
            }
            Report<?> report = new ReportService(ledger, clock).report(reportKind, options);
            out.print(json ? new ReportJsonWriter().toJson(report) + "\n" : new ReportTableRenderer().render(report));
            out.flush();
        }
        return ExitCode.OK;
    }

    private static ReportKind parseKind(String name) {
        try {
            return ReportKind.ofName(name);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("unknown report '" + name
                    + "': use daily, monthly, sessions, projects, models or blocks");
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
