package dev.cctelemetry.cli;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.app.limits.LimitsReport;
import dev.cctelemetry.app.limits.WindowHistory;
import dev.cctelemetry.app.report.UsageReports;
import dev.cctelemetry.app.sync.SyncSummaryText;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.core.report.ReportFormat;
import dev.cctelemetry.core.report.ReportKind;
import dev.cctelemetry.core.report.ReportOptions;
import dev.cctelemetry.core.report.ZoneName;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cc-telemetry report KIND}: usage tables from the ledger, after an incremental sync. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Show usage and cost per day, week, month, session, project, model or 5-hour block."
                + " Syncs new transcript lines first (use --no-sync to read the ledger as it is).")
public final class ReportCommand implements Callable<Integer> {

    private static final String LIMITS = "limits";
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    @Parameters(index = "0", paramLabel = "KIND", defaultValue = "daily",
            description = "daily, weekly, monthly, sessions, projects, models, blocks, machines or limits (plan-limit"
                    + " history: current level, time to reset, pace, times full)"
                    + " (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--remote", description = "Report from the shared store (every machine) instead of the local"
            + " ledger (this machine).")
    boolean remote;

    @Option(names = "--machine", paramLabel = "NAME", description = "Only this machine's records (name or id).")
    String machine;

    @Option(names = {"-s", "--since"}, paramLabel = "DATE", description = "First day to include (YYYY-MM-DD or"
            + " YYYYMMDD; YYYY-MM for the month's first day).")
    String since;

    @Option(names = {"-u", "--until"}, paramLabel = "DATE", description = "Last day to include (YYYY-MM-DD or"
            + " YYYYMMDD; YYYY-MM for the month's last day).")
    String until;

    @Option(names = {"-z", "--timezone"}, paramLabel = "ZONE",
            description = "Time zone for days and months: an IANA name in any case (Europe/Paris, utc) or an"
                    + " offset (default: the system's, honouring TZ).")
    String timezone;

    @Option(names = {"-j", "--json"}, description = "Print JSON (ccusage-compatible shapes) instead of a table.")
    boolean json;

    @Option(names = {"-o", "--order"}, paramLabel = "asc|desc", defaultValue = "asc",
            description = "Row order: asc (oldest first, the default) or desc (newest first).")
    String order;

    @Option(names = {"-b", "--breakdown"}, description = "A line per model under each row (tables).")
    boolean breakdown;

    @Option(names = "--compact", description = "The narrow table layout (fewer columns) at any width; it is chosen"
            + " by itself when the terminal (or COLUMNS) is too narrow for every column.")
    boolean compact;

    @Option(names = "--start-of-week", paramLabel = "DAY", defaultValue = "sunday",
            description = "First day of a week for the weekly report (default: ${DEFAULT-VALUE}).")
    String startOfWeek;

    @Option(names = "--no-sync", description = "Do not ingest new transcript lines first.")
    boolean noSync;

    @Mixin
    ClaudeDirsOption claudeDirs;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final UsageReports reports;
    private final TelemetryEnvironment environment;
    private final LimitsReport limits;

    /** A report command; the environment's {@code COLUMNS} sets the table width. */
    @Inject
    public ReportCommand(UsageReports reports, TelemetryEnvironment environment, LimitsReport limits) {
        this.reports = reports;
        this.environment = environment;
        this.limits = limits;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (kind.equalsIgnoreCase(LIMITS)) {
            return limits();
        }
        boolean machines = kind.equalsIgnoreCase("machines");
        Optional<ReportKind> reportKind = machines ? Optional.empty() : Optional.of(parseKind(kind));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportOptions options = options(err);
        try (Ledger ledger = reports.openLedger()) {
            if (!noSync) {
                UsageReports.Refresh r = reports.refresh(ledger, claudeDirs.dirs);
                r.notes().forEach(n -> err.println("cc-telemetry: " + n));
                if (!json && (r.sync().newRecords() > 0 || r.sync().updatedRecords() > 0)) {
                    err.println(SyncSummaryText.summaryLine(r.sync()));
                }
                if (r.push().outcome() == PushResult.Outcome.FAILED) {
                    err.println("cc-telemetry: " + r.push().summaryLine());
                }
            }
            Optional<String> only = Optional.ofNullable(machine);
            ReportFormat format = new ReportFormat(json, descending(), breakdown, compact, json
                    ? ReportFormat.DEFAULT_WIDTH
                    : TerminalWidth.of(environment.env(), Platform.detect(System.getProperty("os.name", ""))
                            == Platform.WINDOWS));
            out.print(remote ? reports.remote(reportKind, options, only, format)
                    : reports.local(ledger, reportKind, options, only, format,
                            w -> err.println("cc-telemetry: " + w)));
            out.flush();
        }
        return ExitCode.OK;
    }

    /** {@code report limits}: read from the ledger or the store as they are (readings come from status lines). */
    private int limits() {
        PrintWriter out = spec.commandLine().getOut();
        ZoneId zone = options(spec.commandLine().getErr()).zone();
        List<WindowHistory> windows = remote ? limits.remote(Optional.ofNullable(machine)) : limits.local();
        out.print(json ? limits.json(windows)
                : limits.text(windows, zone, remote ? "all machines (shared store)" : "this machine (local ledger)"));
        out.flush();
        return ExitCode.OK;
    }

    private static ReportKind parseKind(String name) {
        try {
            return ReportKind.ofName(name);
        } catch (IllegalArgumentException e) {
            List<String> kinds = new ArrayList<>(Arrays.stream(ReportKind.values()).map(ReportKind::jsonKey).toList());
            kinds.add("machines");
            kinds.add(LIMITS);
            List<String> near = NearestWords.to(name, kinds);
            throw AppException.usage("unknown report '" + name + "'"
                    + (near.isEmpty() ? "" : ": did you mean '" + String.join("' or '", near) + "'?")
                    + " (reports: " + String.join(", ", kinds) + ")");
        }
    }

    private boolean descending() {
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw AppException.usage("--order '" + order + "': use asc or desc");
        };
    }

    private ReportOptions options(PrintWriter err) {
        ZoneId zone = ZoneId.systemDefault();
        if (timezone != null) {
            try {
                ZoneName name = ZoneName.parse(timezone);
                name.note().ifPresent(n -> err.println("cc-telemetry: note: " + n));
                zone = name.zone();
            } catch (IllegalArgumentException e) {
                throw AppException.usage(e.getMessage());
            }
        }
        ReportOptions o = ReportOptions.all(zone).withWeekStart(weekStart());
        Optional<LocalDate> from = date("--since", since, false);
        Optional<LocalDate> to = date("--until", until, true);
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

    private DayOfWeek weekStart() {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equalsIgnoreCase(startOfWeek)) {
                return d;
            }
        }
        throw AppException.usage("--start-of-week '" + startOfWeek + "': use a day such as sunday or monday");
    }

    /** A day, or a month ({@code YYYY-MM}) standing for its first day, or its last when it ends a range. */
    private static Optional<LocalDate> date(String flag, String value, boolean rangeEnd) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            if (MONTH.matcher(value).matches()) {
                YearMonth month = YearMonth.parse(value);
                return Optional.of(rangeEnd ? month.atEndOfMonth() : month.atDay(1));
            }
            return Optional.of(value.length() == 8 && value.chars().allMatch(Character::isDigit)
                    ? LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE)
                    : LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw AppException.usage(String.format(Locale.ROOT, "%s '%s' is not a date (YYYY-MM-DD, or YYYY-MM for"
                    + " a month)", flag, value));
        }
    }
}
