package dev.cctelemetry.core.report;

import dev.cctelemetry.core.port.in.ReportUseCase;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.UsageRecordSource;
import dev.cctelemetry.core.usage.ReportedUsage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Builds the usage reports from deduplicated, priced records, in one pass over the source's stream (which comes
 * in {@link UsageRecordSource#ORDER}, so costs add up in the same order as ccusage's). Memory holds one
 * accumulator per report row, never the records: a ledger of years reports in the same heap as one of a day. The
 * clock decides only which block is active.
 */
public final class ReportService implements ReportUseCase {

    private final UsageRecordSource source;
    private final Clock clock;

    /** A service over a record source; {@code clock} tells which block is still active. */
    public ReportService(UsageRecordSource source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public Report<DailyRow> daily(ReportOptions options) {
        Map<LocalDate, UsageAccumulator> days = new TreeMap<>();
        forEachInRange(options, (r, day) -> days.computeIfAbsent(day, k -> new UsageAccumulator()).add(r));
        List<DailyRow> rows = new ArrayList<>();
        days.forEach((d, acc) -> rows.add(new DailyRow(d, acc.summary())));
        return report(ReportKind.DAILY, options, rows);
    }

    @Override
    public Report<MonthlyRow> monthly(ReportOptions options) {
        Map<YearMonth, UsageAccumulator> months = new TreeMap<>();
        forEachInRange(options, (r, day) -> months.computeIfAbsent(YearMonth.from(day),
                k -> new UsageAccumulator()).add(r));
        List<MonthlyRow> rows = new ArrayList<>();
        months.forEach((m, acc) -> rows.add(new MonthlyRow(m, acc.summary())));
        return report(ReportKind.MONTHLY, options, rows);
    }

    @Override
    public Report<SessionRow> sessions(ReportOptions options) {
        // A session is selected by its last activity, so its earlier records count even before `since`.
        Map<String, SessionSoFar> bySession = new HashMap<>();
        source.forEachReported(Ledger.RecordFilter.ALL, r -> bySession.computeIfAbsent(r.sessionId(),
                k -> new SessionSoFar(r.timestamp())).add(r));
        List<SessionRow> rows = new ArrayList<>();
        bySession.forEach((id, s) -> {
            UsageSummary usage = s.usage.summary();
            // Zero-token sessions (only <synthetic> placeholders) are noise; ccusage omits them as well.
            if (usage.totalTokens() > 0 && options.includes(localDate(s.last, options.zone()))) {
                rows.add(new SessionRow(id, s.projectDir, s.cwd, s.first, s.last, usage));
            }
        });
        rows.sort(Comparator.comparing(SessionRow::lastActivity).thenComparing(SessionRow::sessionId));
        return report(ReportKind.SESSIONS, options, rows);
    }

    @Override
    public Report<ProjectRow> projects(ReportOptions options) {
        Map<String, ProjectSoFar> byProject = new TreeMap<>();
        forEachInRange(options, (r, day) -> byProject.computeIfAbsent(r.projectDir(), k -> new ProjectSoFar())
                .add(r));
        List<ProjectRow> rows = new ArrayList<>();
        byProject.forEach((dir, p) -> rows.add(new ProjectRow(dir, p.cwd, p.usage.summary())));
        rows.sort(Comparator.comparingDouble((ProjectRow p) -> p.usage().cost()).reversed()
                .thenComparing(ProjectRow::projectDir));
        return report(ReportKind.PROJECTS, options, rows);
    }

    @Override
    public Report<ModelRow> models(ReportOptions options) {
        Map<String, UsageAccumulator> byModel = new TreeMap<>();
        forEachInRange(options, (r, day) -> {
            // <synthetic> placeholders are not a model anyone used (zero tokens, no cost): no row, as in ccusage.
            if (!r.synthetic()) {
                byModel.computeIfAbsent(UsageAccumulator.modelLabel(r), k -> new UsageAccumulator()).add(r);
            }
        });
        List<ModelRow> rows = new ArrayList<>();
        byModel.forEach((m, acc) -> rows.add(new ModelRow(m, acc.summary())));
        rows.sort(Comparator.comparingDouble((ModelRow m) -> m.usage().cost()).reversed()
                .thenComparing(ModelRow::model));
        return report(ReportKind.MODELS, options, rows);
    }

    @Override
    public Report<BlockRow> blocks(ReportOptions options) {
        // Block boundaries depend on all earlier activity, so blocks are built from the whole history and
        // then selected by the local date of their start (as ccusage filters them).
        BlockBuilder builder = new BlockBuilder(options.blockLength(), clock.instant());
        source.forEachReported(Ledger.RecordFilter.ALL, builder::add);
        List<BlockRow> rows = builder.finish().stream()
                .filter(b -> options.includes(localDate(b.start(), options.zone())))
                .toList();
        return report(ReportKind.BLOCKS, options, rows);
    }

    /** Streams the records whose local date lies in the options' range, with that date. */
    private void forEachInRange(ReportOptions options, BiConsumer<ReportedUsage, LocalDate> action) {
        ZoneId zone = options.zone();
        // The timestamp bounds only narrow what the source reads; the local-date test below decides.
        Optional<Instant> from = options.since().map(d -> d.atStartOfDay(zone).toInstant());
        Optional<Instant> until = options.until().map(d -> d.plusDays(1).atStartOfDay(zone).toInstant());
        source.forEachReported(new Ledger.RecordFilter(from, until), r -> {
            LocalDate day = localDate(r.timestamp(), zone);
            if (options.includes(day)) {
                action.accept(r, day);
            }
        });
    }

    private static LocalDate localDate(Instant t, ZoneId zone) {
        return LocalDate.ofInstant(t, zone);
    }

    private static <R extends ReportRow> Report<R> report(ReportKind kind, ReportOptions options, List<R> rows) {
        UsageAccumulator totals = new UsageAccumulator();
        rows.forEach(r -> totals.addAll(r.usage()));
        return new Report<>(kind, options, rows, totals.summary());
    }

    /** A session's row while its records stream by, oldest first. */
    private static final class SessionSoFar {
        final UsageAccumulator usage = new UsageAccumulator();
        final Instant first;
        Instant last;
        /** The latest non-empty values: a session may change directory, and early lines may lack one. */
        String projectDir = "";
        String cwd = "";

        SessionSoFar(Instant first) {
            this.first = first;
            this.last = first;
        }

        void add(ReportedUsage r) {
            usage.add(r);
            last = r.timestamp();
            if (!r.projectDir().isEmpty()) {
                projectDir = r.projectDir();
            }
            if (!r.cwd().isEmpty()) {
                cwd = r.cwd();
            }
        }
    }

    /** A project's row while its records stream by, oldest first. */
    private static final class ProjectSoFar {
        final UsageAccumulator usage = new UsageAccumulator();
        /** The latest non-empty working directory. */
        String cwd = "";

        void add(ReportedUsage r) {
            usage.add(r);
            if (!r.cwd().isEmpty()) {
                cwd = r.cwd();
            }
        }
    }
}
