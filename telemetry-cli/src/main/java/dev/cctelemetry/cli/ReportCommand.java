package dev.cctelemetry.cli;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.report.UsageReports;
import dev.cctelemetry.app.sync.SyncSummaryText;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.core.report.ReportKind;
import dev.cctelemetry.core.report.ReportOptions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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

    private final UsageReports reports;

    /** A report command. */
    @Inject
    public ReportCommand(UsageReports reports) {
        this.reports = reports;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        boolean machines = kind.equalsIgnoreCase("machines");
        Optional<ReportKind> reportKind = machines ? Optional.empty() : Optional.of(parseKind(kind));
        ReportOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Ledger ledger = reports.openLedger()) {
            if (!noSync) {
                UsageReports.Refresh r = reports.refresh(ledger, claudeDirs.dirs);
                if (!json && (r.sync().newRecords() > 0 || r.sync().updatedRecords() > 0)) {
                    err.println(SyncSummaryText.summaryLine(r.sync()));
                }
                if (r.push().outcome() == PushResult.Outcome.FAILED) {
                    err.println("cc-telemetry: " + r.push().summaryLine());
                }
            }
            Optional<String> only = Optional.ofNullable(machine);
            out.print(remote ? reports.remote(reportKind, options, only, json)
                    : reports.local(ledger, reportKind, options, only, json, w -> err.println("cc-telemetry: " + w)));
            out.flush();
        }
        return ExitCode.OK;
    }

    private static ReportKind parseKind(String name) {
        try {
            return ReportKind.ofName(name);
        } catch (IllegalArgumentException e) {
            throw AppException.usage("unknown report '" + name
                    + "': use daily, monthly, sessions, projects, models, blocks or machines");
        }
    }

    private ReportOptions options() {
        ZoneId zone;
        try {
            zone = timezone == null ? ZoneId.systemDefault() : ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw AppException.usage("unknown time zone '" + timezone + "': use an IANA name like Europe/Paris");
        }
        ReportOptions o = ReportOptions.all(zone);
        Optional<LocalDate> from = date("--since", since);
        Optional<LocalDate> to = date("--until", until);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw AppException.usage("--since " + since + " is after --until " + until);
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
            throw AppException.usage(String.format(Locale.ROOT, "%s '%s' is not a date (YYYY-MM-DD)", flag, value));
        }
    }
}
