package dev.cctelemetry.core.report;

import dev.cctelemetry.core.port.in.ReportUseCase;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.UsageRecordSource;
import dev.cctelemetry.core.usage.UsageRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds the usage reports from deduplicated, priced records. Records are summed in timestamp order so costs
 * add up in the same order as ccusage's; the clock decides only which block is active.
 */
public final class ReportService implements ReportUseCase {

    private static final Comparator<UsageRecord> CHRONOLOGICAL = Comparator.comparing(UsageRecord::timestamp)
            .thenComparing(UsageRecord::sourceFile).thenComparingLong(UsageRecord::sourceOffset);

    private final UsageRecordSource source;
    private final Clock clock;

    /** A service over a record source; {@code clock} tells which block is still active. */
    public ReportService(UsageRecordSource source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public Report<DailyRow> daily(ReportOptions options) {
        ZoneId zone = options.zone();
        Map<LocalDate, UsageAccumulator> days = group(inRange(options), r -> localDate(r.timestamp(), zone),
                new TreeMap<>());
        List<DailyRow> rows = new ArrayList<>();
        days.forEach((d, acc) -> rows.add(new DailyRow(d, acc.summary())));
        return report(ReportKind.DAILY, options, rows);
    }

    @Override
    public Report<MonthlyRow> monthly(ReportOptions options) {
        ZoneId zone = options.zone();
        Map<YearMonth, UsageAccumulator> months = group(inRange(options),
                r -> YearMonth.from(localDate(r.timestamp(), zone)), new TreeMap<>());
        List<MonthlyRow> rows = new ArrayList<>();
        months.forEach((m, acc) -> rows.add(new MonthlyRow(m, acc.summary())));
        return report(ReportKind.MONTHLY, options, rows);
    }

    @Override
    public Report<SessionRow> sessions(ReportOptions options) {
        // A session is selected by its last activity, so its earlier records count even before `since`.
        Map<String, List<UsageRecord>> bySession = new LinkedHashMap<>();
        for (UsageRecord r : load(Ledger.RecordFilter.ALL)) {
            bySession.computeIfAbsent(r.sessionId(), k -> new ArrayList<>()).add(r);
        }
        List<SessionRow> rows = new ArrayList<>();
        bySession.forEach((id, records) -> {
            UsageRecord last = records.get(records.size() - 1);
            UsageSummary usage = summarize(records);
            // Zero-token sessions (only <synthetic> placeholders) are noise; ccusage omits them as well.
            if (usage.totalTokens() > 0 && options.includes(localDate(last.timestamp(), options.zone()))) {
                rows.add(new SessionRow(id, latest(records, UsageRecord::projectDir), latest(records,
                        UsageRecord::cwd), records.get(0).timestamp(), last.timestamp(), usage));
            }
        });
        rows.sort(Comparator.comparing(SessionRow::lastActivity).thenComparing(SessionRow::sessionId));
        return report(ReportKind.SESSIONS, options, rows);
    }

    @Override
    public Report<ProjectRow> projects(ReportOptions options) {
        Map<String, List<UsageRecord>> byProject = new TreeMap<>();
        for (UsageRecord r : inRange(options)) {
            byProject.computeIfAbsent(r.projectDir(), k -> new ArrayList<>()).add(r);
        }
        List<ProjectRow> rows = new ArrayList<>();
        byProject.forEach((dir, records) -> rows.add(new ProjectRow(dir, latest(records, UsageRecord::cwd),
                summarize(records))));
        rows.sort(Comparator.comparingDouble((ProjectRow p) -> p.usage().cost()).reversed()
                .thenComparing(ProjectRow::projectDir));
        return report(ReportKind.PROJECTS, options, rows);
    }

    @Override
    public Report<ModelRow> models(ReportOptions options) {
        List<UsageRecord> records = inRange(options);
        // <synthetic> placeholders are not a model anyone used (zero tokens, no cost): no row, as in ccusage.
        records.removeIf(UsageRecord::synthetic);
        Map<String, UsageAccumulator> byModel = group(records, UsageAccumulator::modelLabel, new TreeMap<>());
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
        List<BlockRow> all = new BlockBuilder(options.blockLength(), clock.instant())
                .build(load(Ledger.RecordFilter.ALL));
        List<BlockRow> rows = all.stream()
                .filter(b -> options.includes(localDate(b.start(), options.zone())))
                .toList();
        return report(ReportKind.BLOCKS, options, rows);
    }

    private List<UsageRecord> load(Ledger.RecordFilter filter) {
        List<UsageRecord> records = new ArrayList<>();
        source.forEachRecord(filter, records::add);
        records.sort(CHRONOLOGICAL);
        return records;
    }

    /** Records whose local date lies in the options' range. */
    private List<UsageRecord> inRange(ReportOptions options) {
        ZoneId zone = options.zone();
        // The timestamp bounds only narrow what the source reads; the local-date test below decides.
        Optional<Instant> from = options.since().map(d -> d.atStartOfDay(zone).toInstant());
        Optional<Instant> until = options.until().map(d -> d.plusDays(1).atStartOfDay(zone).toInstant());
        List<UsageRecord> records = load(new Ledger.RecordFilter(from, until));
        records.removeIf(r -> !options.includes(localDate(r.timestamp(), zone)));
        return records;
    }

    private static <K> Map<K, UsageAccumulator> group(List<UsageRecord> records, Function<UsageRecord, K> key,
            Map<K, UsageAccumulator> into) {
        for (UsageRecord r : records) {
            into.computeIfAbsent(key.apply(r), k -> new UsageAccumulator()).add(r);
        }
        return into;
    }

    private static UsageSummary summarize(List<UsageRecord> records) {
        UsageAccumulator acc = new UsageAccumulator();
        records.forEach(acc::add);
        return acc.summary();
    }

    /** The value of the latest record that has a non-empty one, or "". */
    private static String latest(List<UsageRecord> chronological, Function<UsageRecord, String> field) {
        for (int i = chronological.size() - 1; i >= 0; i--) {
            String v = field.apply(chronological.get(i));
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    private static LocalDate localDate(Instant t, ZoneId zone) {
        return LocalDate.ofInstant(t, zone);
    }

    private static <R extends ReportRow> Report<R> report(ReportKind kind, ReportOptions options, List<R> rows) {
        UsageAccumulator totals = new UsageAccumulator();
        rows.forEach(r -> totals.addAll(r.usage()));
        return new Report<>(kind, options, rows, totals.summary());
    }
}
