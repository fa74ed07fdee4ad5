package dev.cctelemetry.web.testing;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.UsageRecordSource;
import dev.cctelemetry.core.report.BlockRow;
import dev.cctelemetry.core.report.ReportOptions;
import dev.cctelemetry.core.report.RecordStreamQueries;
import dev.cctelemetry.core.report.ReportService;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.web.query.DashboardQueries;
import dev.cctelemetry.web.query.FilterChoices;
import dev.cctelemetry.web.query.GroupUsage;
import dev.cctelemetry.web.query.Grouping;
import dev.cctelemetry.web.query.HourOfWeek;
import dev.cctelemetry.web.query.LastSync;
import dev.cctelemetry.web.query.Period;
import dev.cctelemetry.web.query.PeriodUsage;
import dev.cctelemetry.web.query.RequestPoint;
import dev.cctelemetry.web.query.SessionPage;
import dev.cctelemetry.web.query.SessionSort;
import dev.cctelemetry.web.query.SessionSummary;
import dev.cctelemetry.web.query.UsageFigures;
import dev.cctelemetry.web.query.UsageFilter;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The dashboard's queries answered by streaming a record source through Java: the test stand-in until the
 * store's SQL adapters answer them. One machine (the name given); sessions and blocks as core's reports build
 * them.
 */
public final class RecordQueries implements DashboardQueries {

    private final UsageRecordSource source;
    private final String machine;
    private final Clock clock;
    private final LongSupplier changes;
    private final Supplier<List<LastSync>> syncs;

    public RecordQueries(UsageRecordSource source, String machine, Clock clock, LongSupplier changes,
            Supplier<List<LastSync>> syncs) {
        this.source = source;
        this.machine = machine;
        this.clock = clock;
        this.changes = changes;
        this.syncs = syncs;
    }

    private List<UsageRecord> records(UsageFilter f, boolean applyDates) {
        return records(f, applyDates, false);
    }

    /** Zero-token records (placeholders) are no requests: only block boundaries see them, as in core's reports. */
    private List<UsageRecord> records(UsageFilter f, boolean applyDates, boolean withPlaceholders) {
        List<UsageRecord> out = new ArrayList<>();
        source.forEachRecord(Ledger.RecordFilter.ALL, r -> {
            if (!withPlaceholders && r.tokens().total() == 0) {
                return;
            }
            LocalDate d = LocalDate.ofInstant(r.timestamp(), f.zone());
            if (applyDates && (f.from().map(d::isBefore).orElse(false) || f.to().map(d::isAfter).orElse(false))) {
                return;
            }
            if (!f.machines().isEmpty() && !f.machines().contains(machine)) {
                return;
            }
            if (!f.projects().isEmpty() && !f.projects().contains(r.projectDir())) {
                return;
            }
            if (!f.models().isEmpty() && !f.models().contains(label(r))) {
                return;
            }
            out.add(r);
        });
        return out;
    }

    private static String label(UsageRecord r) {
        return r.fast() ? r.model() + "-fast" : r.model();
    }

    private static UsageFigures sum(List<UsageRecord> rs) {
        TokenCounts t = TokenCounts.ZERO;
        double cost = 0;
        TreeSet<String> unpriced = new TreeSet<>();
        for (UsageRecord r : rs) {
            t = t.plus(r.tokens());
            cost += r.costUsd();
            if (r.costSource() == CostSource.UNPRICED) {
                unpriced.add(r.model());
            }
        }
        return new UsageFigures(t, cost, rs.size(), List.copyOf(unpriced));
    }

    private static <K> Map<K, List<UsageRecord>> group(List<UsageRecord> rs, Function<UsageRecord, K> key) {
        Map<K, List<UsageRecord>> m = new LinkedHashMap<>();
        rs.forEach(r -> m.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return m;
    }

    @Override
    public UsageFigures totals(UsageFilter filter) {
        return sum(records(filter, true));
    }

    @Override
    public List<PeriodUsage> byPeriod(UsageFilter filter, Period period) {
        Map<LocalDate, Map<String, List<UsageRecord>>> m = new TreeMap<>();
        for (UsageRecord r : records(filter, true)) {
            LocalDate d = LocalDate.ofInstant(r.timestamp(), filter.zone());
            LocalDate start = switch (period) {
                case DAY -> d;
                case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> d.withDayOfMonth(1);
            };
            m.computeIfAbsent(start, k -> new TreeMap<>()).computeIfAbsent(label(r), k -> new ArrayList<>()).add(r);
        }
        List<PeriodUsage> out = new ArrayList<>();
        m.forEach((d, byModel) -> byModel.forEach((model, rs) -> out.add(new PeriodUsage(d, model, sum(rs)))));
        return out;
    }

    @Override
    public List<GroupUsage> byGroup(UsageFilter filter, Grouping grouping) {
        List<UsageRecord> rs = records(filter, true);
        Map<String, List<UsageRecord>> groups = switch (grouping) {
            case PROJECT -> group(rs, UsageRecord::projectDir);
            case MODEL -> group(rs.stream().filter(r -> !r.synthetic()).toList(), RecordQueries::label);
            case MACHINE -> group(rs, r -> machine);
        };
        List<GroupUsage> out = new ArrayList<>();
        groups.forEach((k, g) -> {
            String cwd = grouping == Grouping.PROJECT ? g.stream().map(UsageRecord::cwd).filter(c -> !c.isEmpty())
                    .reduce((a, b) -> b).orElse("") : "";
            out.add(new GroupUsage(k, cwd, g.stream().map(UsageRecord::sessionId).distinct().count(), sum(g)));
        });
        out.sort(Comparator.comparingDouble((GroupUsage g) -> g.usage().cost()).reversed()
                .thenComparing(GroupUsage::key));
        return out;
    }

    @Override
    public List<HourOfWeek> hourOfWeek(UsageFilter filter) {
        Map<String, List<UsageRecord>> m = new TreeMap<>();
        for (UsageRecord r : records(filter, true)) {
            ZonedDateTime t = r.timestamp().atZone(filter.zone());
            m.computeIfAbsent(t.getDayOfWeek().getValue() + ":" + t.getHour(), k -> new ArrayList<>()).add(r);
        }
        List<HourOfWeek> out = new ArrayList<>();
        m.forEach((k, rs) -> out.add(new HourOfWeek(DayOfWeek.of(Integer.parseInt(k.split(":")[0])),
                Integer.parseInt(k.split(":")[1]), sum(rs))));
        return out;
    }

    private List<SessionSummary> allSessions(UsageFilter filter) {
        Map<String, List<UsageRecord>> bySession = group(records(filter, false), UsageRecord::sessionId);
        List<SessionSummary> out = new ArrayList<>();
        bySession.forEach((id, rs) -> {
            rs.sort(UsageRecordSource.ORDER);
            UsageFigures u = sum(rs);
            LocalDate last = LocalDate.ofInstant(rs.get(rs.size() - 1).timestamp(), filter.zone());
            if (u.tokens().total() == 0 || filter.from().map(last::isBefore).orElse(false)
                    || filter.to().map(last::isAfter).orElse(false)) {
                return;
            }
            String project = rs.stream().map(UsageRecord::projectDir).filter(p -> !p.isEmpty()).reduce((a, b) -> b)
                    .orElse("");
            String cwd = rs.stream().map(UsageRecord::cwd).filter(p -> !p.isEmpty()).reduce((a, b) -> b).orElse("");
            List<String> models = rs.stream().filter(r -> !r.synthetic()).map(RecordQueries::label).distinct()
                    .sorted().toList();
            out.add(new SessionSummary(id, machine, project, cwd, rs.get(0).timestamp(),
                    rs.get(rs.size() - 1).timestamp(), models, u));
        });
        return out;
    }

    @Override
    public SessionPage sessions(UsageFilter filter, SessionSort sort, int offset, int limit) {
        List<SessionSummary> all = allSessions(filter);
        Comparator<SessionSummary> c = switch (sort.column()) {
            case MACHINE -> Comparator.comparing(SessionSummary::machine);
            case PROJECT -> Comparator.comparing(SessionSummary::projectDir);
            case FIRST -> Comparator.comparing(SessionSummary::first);
            case LAST -> Comparator.comparing(SessionSummary::last);
            case DURATION -> Comparator.comparing(s -> Duration.between(s.first(), s.last()));
            case TOKENS -> Comparator.comparingLong(s -> s.usage().tokens().total());
            case COST -> Comparator.comparingDouble(s -> s.usage().cost());
        };
        c = c.thenComparing(SessionSummary::sessionId);
        all.sort(sort.descending() ? c.reversed() : c);
        return new SessionPage(all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())),
                all.size());
    }

    @Override
    public Optional<SessionSummary> session(String sessionId) {
        return allSessions(UsageFilter.all(clock.getZone())).stream().filter(s -> s.sessionId().equals(sessionId))
                .findFirst();
    }

    @Override
    public List<RequestPoint> requests(String sessionId) {
        List<RequestPoint> out = new ArrayList<>();
        source.forEachRecord(Ledger.RecordFilter.ALL, r -> {
            if (r.sessionId().equals(sessionId)) {
                out.add(new RequestPoint(r.timestamp(), label(r), r.tokens(), r.costUsd(), r.sidechain()));
            }
        });
        return out;
    }

    @Override
    public List<BlockRow> blocks(UsageFilter filter) {
        ReportOptions o = ReportOptions.all(filter.zone());
        if (filter.from().isPresent()) {
            o = o.withSince(filter.from().get());
        }
        if (filter.to().isPresent()) {
            o = o.withUntil(filter.to().get());
        }
        UsageFilter undated = filter.between(Optional.empty(), Optional.empty());
        List<UsageRecord> kept = records(undated, false, true);
        return new ReportService(new RecordStreamQueries((f, action) -> kept.forEach(action), "", ""), clock).blocks(o).rows();
    }

    @Override
    public List<LastSync> lastSyncs() {
        return syncs.get();
    }

    @Override
    public FilterChoices choices() {
        TreeSet<String> projects = new TreeSet<>();
        TreeSet<String> models = new TreeSet<>();
        Map<String, Boolean> any = new HashMap<>();
        source.forEachRecord(Ledger.RecordFilter.ALL, r -> {
            projects.add(r.projectDir());
            if (!r.synthetic()) {
                models.add(label(r));
            }
            any.put("x", true);
        });
        return new FilterChoices(any.isEmpty() ? List.of() : List.of(machine), List.copyOf(projects),
                List.copyOf(models));
    }

    @Override
    public long changeCounter() {
        return changes.getAsLong();
    }
}
