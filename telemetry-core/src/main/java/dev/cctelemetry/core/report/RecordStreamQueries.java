package dev.cctelemetry.core.report;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.port.out.UsageRecordSource;
import dev.cctelemetry.core.query.BlockTimeline;
import dev.cctelemetry.core.query.GroupDimension;
import dev.cctelemetry.core.query.GroupTally;
import dev.cctelemetry.core.query.GroupUsage;
import dev.cctelemetry.core.query.HourOfWeekUsage;
import dev.cctelemetry.core.query.PeriodGrouping;
import dev.cctelemetry.core.query.PeriodUsage;
import dev.cctelemetry.core.query.Picodollars;
import dev.cctelemetry.core.query.RequestUsage;
import dev.cctelemetry.core.query.SessionPage;
import dev.cctelemetry.core.query.SessionQuery;
import dev.cctelemetry.core.query.SessionUsage;
import dev.cctelemetry.core.query.SyncMark;
import dev.cctelemetry.core.query.UsageBlock;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.query.UsageTally;
import dev.cctelemetry.core.usage.ReportedUsage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link UsageQueries} answered by reading one machine's records one by one, in Java: for a store without SQL
 * (a list in tests, an embedding tool's own records), and the reference the SQL adapters are tested against (it
 * states the port's contract as plain code). Every query reads the whole selected range, so it grows with the
 * history; memory holds one tally per row, never the records.
 */
public final class RecordStreamQueries implements UsageQueries {

    private final UsageRecordSource source;
    private final String machineId;
    private final String machineName;

    /**
     * Queries over {@code source}, whose records all belong to one machine.
     *
     * @param source the records, deduplicated and priced
     * @param machineId the machine's id
     * @param machineName its name
     */
    public RecordStreamQueries(UsageRecordSource source, String machineId, String machineName) {
        this.source = Objects.requireNonNull(source, "source is null");
        this.machineId = Objects.requireNonNull(machineId, "machineId is null");
        this.machineName = Objects.requireNonNull(machineName, "machineName is null");
    }

    @Override
    public UsageSummary totals(UsageFilter filter) {
        Group all = new Group();
        forEachRequest(filter, all::add);
        return all.summary();
    }

    @Override
    public List<PeriodUsage> periods(UsageFilter filter, PeriodGrouping grouping) {
        Map<LocalDate, Group> byStart = new TreeMap<>();
        forEachRequest(filter, r -> byStart.computeIfAbsent(
                grouping.periodStart(LocalDate.ofInstant(r.timestamp(), grouping.zone())), k -> new Group()).add(r));
        List<PeriodUsage> out = new ArrayList<>();
        byStart.forEach((start, g) -> out.add(new PeriodUsage(grouping.unit(), start, g.summary())));
        return out;
    }

    @Override
    public List<GroupUsage> groups(UsageFilter filter, GroupDimension dimension) {
        Function<ReportedUsage, String> key = switch (dimension) {
            case PROJECT -> ReportedUsage::projectDir;
            case MODEL -> RecordStreamQueries::label;
            case MACHINE -> r -> machineId;
        };
        Map<String, Group> byKey = new HashMap<>();
        forEachRequest(filter, r -> byKey.computeIfAbsent(key.apply(r), k -> new Group()).add(r));
        List<GroupUsage> out = new ArrayList<>();
        byKey.forEach((k, g) -> out.add(new GroupUsage(dimension, k, switch (dimension) {
            case PROJECT -> g.tally.cwd();
            case MODEL -> k;
            case MACHINE -> machineName;
        }, g.summary(), g.tally.first(), g.tally.last())));
        out.sort(Comparator.comparingLong((GroupUsage g) -> g.usage().costPicos()).reversed()
                .thenComparing(GroupUsage::key));
        return out;
    }

    @Override
    public SessionPage sessions(UsageFilter filter, SessionQuery query) {
        Map<String, Group> bySession = new HashMap<>();
        forEachRequest(filter.anyTime(), r -> bySession.computeIfAbsent(r.sessionId(), k -> new Group()).add(r));
        List<SessionUsage> selected = new ArrayList<>();
        UsageTally totals = new UsageTally();
        bySession.forEach((id, g) -> {
            if (filter.includes(g.tally.last())) {
                UsageSummary usage = g.summary();
                selected.add(new SessionUsage(id, machineId, machineName, g.tally.projectDir(), g.tally.cwd(),
                        g.tally.first(), g.tally.last(), usage));
                totals.add(usage);
            }
        });
        selected.sort(query.order().comparator(query.descending()));
        int from = Math.min(selected.size(), query.offset());
        int to = (int) Math.min(selected.size(), (long) from + query.limit());
        return new SessionPage(selected.subList(from, to), selected.size(), totals.summary(selected.size()));
    }

    @Override
    public List<UsageBlock> blocks(UsageFilter filter, Duration length, Instant now) {
        BlockTimeline timeline = new BlockTimeline(length);
        List<Group> usage = new ArrayList<>();
        // Records without tokens move block boundaries (as in ccusage) though they are not requests.
        forEachRecord(filter.anyTime(), r -> {
            int block = timeline.add(r.timestamp(), r.timestamp());
            if (block == usage.size()) {
                usage.add(new Group());
            }
            if (r.isRequest()) {
                usage.get(block).add(r);
            }
        });
        return timeline.blocks(usage.stream().map(Group::summary).toList(), now).stream()
                .filter(b -> filter.includes(b.start()))
                .toList();
    }

    @Override
    public List<HourOfWeekUsage> hoursOfWeek(UsageFilter filter, ZoneId zone) {
        Map<Integer, Group> byHour = new TreeMap<>();
        forEachRequest(filter, r -> {
            ZonedDateTime local = r.timestamp().atZone(zone);
            int slot = (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
            byHour.computeIfAbsent(slot, k -> new Group()).add(r);
        });
        List<HourOfWeekUsage> out = new ArrayList<>();
        byHour.forEach((slot, g) -> out.add(new HourOfWeekUsage(DayOfWeek.of(slot / 24 + 1), slot % 24,
                g.summary())));
        return out;
    }

    @Override
    public List<RequestUsage> sessionRequests(String sessionId) {
        List<RequestUsage> out = new ArrayList<>();
        source.forEachRecord(Ledger.RecordFilter.ALL, r -> {
            if (r.sessionId().equals(sessionId) && r.isRequest()) {
                out.add(new RequestUsage(r.timestamp(), r.fast() ? r.model() + "-fast" : r.model(), r.tokens(),
                        Picodollars.of(r.costUsd()), r.costSource(), r.sidechain() || !r.agentId().isEmpty(),
                        r.agentId()));
            }
        });
        return out;
    }

    /** None: a record stream does not know how its records were synced. */
    @Override
    public List<SyncMark> lastSyncs() {
        return List.of();
    }

    /** Always 0: a record stream has no change counter. */
    @Override
    public long changeCount() {
        return 0;
    }

    /** The requests the filter selects, in {@link UsageRecordSource#ORDER}. */
    private void forEachRequest(UsageFilter filter, Consumer<ReportedUsage> action) {
        forEachRecord(filter, r -> {
            if (r.isRequest()) {
                action.accept(r);
            }
        });
    }

    /** The records the filter selects, requests or not, in {@link UsageRecordSource#ORDER}. */
    private void forEachRecord(UsageFilter filter, Consumer<ReportedUsage> action) {
        if (!filter.machines().isEmpty() && !filter.machines().contains(machineId)
                && !filter.machines().contains(machineName)) {
            return;
        }
        source.forEachReported(new Ledger.RecordFilter(filter.from(), filter.until()), r -> {
            if ((filter.projects().isEmpty() || filter.projects().contains(r.projectDir()))
                    && (filter.models().isEmpty() || filter.models().contains(label(r)))
                    && filter.session().map(r.sessionId()::equals).orElse(true)) {
                action.accept(r);
            }
        });
    }

    /** The label a request is reported under: ccusage shows fast-mode responses as {@code <model>-fast}. */
    private static String label(ReportedUsage r) {
        return r.fast() ? r.model() + "-fast" : r.model();
    }

    /** One row while its requests stream by. */
    private static final class Group {
        final GroupTally tally = new GroupTally();

        void add(ReportedUsage r) {
            long t = r.timestamp().toEpochMilli();
            tally.add(r.sessionId(), label(r), r.costSource(), r.projectDir(), r.cwd(), r.tokens(),
                    Picodollars.of(r.costUsd()), 1, t, t);
        }

        UsageSummary summary() {
            return tally.summary();
        }
    }
}
