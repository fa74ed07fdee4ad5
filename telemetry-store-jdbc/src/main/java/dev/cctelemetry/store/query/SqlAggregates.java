package dev.cctelemetry.store.query;

import dev.cctelemetry.core.query.BlockTimeline;
import dev.cctelemetry.core.query.GroupDimension;
import dev.cctelemetry.core.query.GroupTally;
import dev.cctelemetry.core.query.GroupUsage;
import dev.cctelemetry.core.query.HourOfWeekUsage;
import dev.cctelemetry.core.query.PeriodGrouping;
import dev.cctelemetry.core.query.PeriodUsage;
import dev.cctelemetry.core.query.SessionPage;
import dev.cctelemetry.core.query.SessionQuery;
import dev.cctelemetry.core.query.SessionUsage;
import dev.cctelemetry.core.query.UsageBlock;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.query.UsageTally;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The aggregate half of {@link dev.cctelemetry.core.port.out.UsageQueries} in SQL, over any {@link UsageTable}:
 * one grouped query per answer, its rows ({@link PartialRow}) folded by {@link GroupTally}. What the store does
 * not hold in usage rows (a session's requests, sync marks, the change counter) its adapter answers itself.
 */
public final class SqlAggregates {

    /** How far back before a range {@link #scanStart} looks for a silence before it reads the whole history. */
    private static final Duration SILENCE_SEARCH = Duration.ofDays(14);
    /** Blocks from at most this far back are read from the records rather than the hour summary. */
    private static final Duration RECORDS_SCAN = Duration.ofDays(14);

    /** A key that is one value for every row: a number or a quoted string. */
    private static final java.util.regex.Pattern CONSTANT = java.util.regex.Pattern.compile("\\d+|'([^']|'')*'");

    private final SqlRunner runner;
    private final UsageTable records;
    private final Optional<UsageTable> hours;
    private final Optional<UsageTable> sessionSums;
    private final Optional<UsageTable> slots;
    private final Function<String, String> machineNames;

    /**
     * Aggregates over a store's records.
     *
     * @param runner runs the queries
     * @param records the store's usage records as SQL
     * @param hours the same records pre-summed per hour slot ({@link HourSlots}), if the store keeps them: read
     *     instead of the records whenever that is exact (a time range starting and ending on whole hours; calendar
     *     grouping in a zone whose offsets are whole hours; blocks of whole hours)
     * @param sessionSums the requests pre-summed per session, model label, cost source, project folder and working
     *     directory, if the store keeps them: read by the sessions list instead of the hours or the records
     * @param slots the hours' sums without session, project and working directory (which that table need not
     *     answer), if the store keeps them: read for the sums instead of {@code hours} whenever the filter names no
     *     project or session and the answer is not per project; sessions are still counted in {@code hours}
     * @param machineNames a machine's name by its id ("" when unknown); called with the ids the rows hold
     */
    public SqlAggregates(SqlRunner runner, UsageTable records, Optional<UsageTable> hours,
            Optional<UsageTable> sessionSums, Optional<UsageTable> slots, Function<String, String> machineNames) {
        this.runner = Objects.requireNonNull(runner, "runner is null");
        this.records = Objects.requireNonNull(records, "records is null");
        this.hours = Objects.requireNonNull(hours, "hours is null");
        this.sessionSums = Objects.requireNonNull(sessionSums, "sessionSums is null");
        this.slots = Objects.requireNonNull(slots, "slots is null");
        this.machineNames = Objects.requireNonNull(machineNames, "machineNames is null");
    }

    /** See {@link dev.cctelemetry.core.port.out.UsageQueries#totals}. */
    public UsageSummary totals(UsageFilter filter) {
        Map<Object, GroupTally> all = new HashMap<>();
        UsageTable table = tableFor(filter);
        tallies("read usage totals", sumsTable(table, filter), table, "0", filter, false, all);
        return all.isEmpty() ? UsageSummary.EMPTY : all.values().iterator().next().summary();
    }

    /** See {@link dev.cctelemetry.core.port.out.UsageQueries#periods}. */
    public List<PeriodUsage> periods(UsageFilter filter, PeriodGrouping grouping) {
        Map<Object, GroupTally> byStart = new HashMap<>();
        runner.read("read usage by " + grouping.unit().name().toLowerCase(java.util.Locale.ROOT), c -> {
            long[] range = timeRange(c);
            if (range != null) {
                UsageTable table = localTable(filter, grouping.zone(), range);
                String local = LocalMillis.of(table.millis(), grouping.zone(), range[0], range[1]);
                tallies(c, sumsTable(table, filter), table, PeriodStarts.of(grouping, local, range[0], range[1]),
                        filter, false, byStart);
            }
            return null;
        });
        Map<LocalDate, GroupTally> sorted = new TreeMap<>();
        byStart.forEach((day, t) -> sorted.put(LocalDate.ofEpochDay(((Number) day).longValue()), t));
        List<PeriodUsage> out = new ArrayList<>(sorted.size());
        sorted.forEach((start, t) -> out.add(new PeriodUsage(grouping.unit(), start, t.summary())));
        return out;
    }

    /** See {@link dev.cctelemetry.core.port.out.UsageQueries#groups}. */
    public List<GroupUsage> groups(UsageFilter filter, GroupDimension dimension) {
        UsageTable table = tableFor(filter);
        String key = keyOf(table, dimension);
        Map<Object, GroupTally> byKey = new HashMap<>();
        tallies("read usage by " + dimension.name().toLowerCase(java.util.Locale.ROOT),
                dimension == GroupDimension.PROJECT ? table : sumsTable(table, filter), table, key, filter,
                dimension == GroupDimension.PROJECT, byKey);
        List<GroupUsage> out = new ArrayList<>(byKey.size());
        byKey.forEach((keyValue, t) -> {
            String k = String.valueOf(keyValue);
            out.add(new GroupUsage(dimension, k, switch (dimension) {
                case PROJECT -> t.cwd();
                case MODEL -> k;
                case MACHINE -> machineNames.apply(k);
            }, t.summary(), t.first(), t.last()));
        });
        out.sort(Comparator.comparingLong((GroupUsage g) -> g.usage().costPicos()).reversed()
                .thenComparing(GroupUsage::key));
        return out;
    }

    /** See {@link dev.cctelemetry.core.port.out.UsageQueries#groupKeys}: one {@code DISTINCT}, no sums. */
    public List<String> groupKeys(UsageFilter filter, GroupDimension dimension) {
        UsageTable table = dimension == GroupDimension.PROJECT ? tableFor(filter)
                : sumsTable(tableFor(filter), filter);
        Where where = Where.of(table, filter, true);
        return runner.read("list the " + dimension.name().toLowerCase(java.util.Locale.ROOT) + " keys", c -> {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT " + keyOf(table, dimension) + " FROM "
                    + table.from() + where.sql())) {
                where.bind(ps, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(String.valueOf(keyOf(rs)));
                    }
                }
            }
            return keys;
        });
    }

    private static String keyOf(UsageTable table, GroupDimension dimension) {
        return switch (dimension) {
            case PROJECT -> table.project();
            case MODEL -> table.label();
            case MACHINE -> table.machine();
        };
    }

    /**
     * See {@link dev.cctelemetry.core.port.out.UsageQueries#sessions}. A page (at most {@link SessionPages#MAX_PAGE}
     * sessions) in an order SQL can sort by, over per-session sums, comes from {@link SessionPages}: sorted and cut
     * in SQL, only the page's sessions read. Otherwise every session is read and folded, then sorted and cut here.
     */
    public SessionPage sessions(UsageFilter filter, SessionQuery query) {
        if (sessionSums.isPresent() && query.limit() <= SessionPages.MAX_PAGE) {
            Optional<String> key = SessionPages.sortKey(query.order());
            if (key.isPresent()) {
                return new SessionPages(runner, sessionSums.get(), machineNames).page(filter, query, key.get());
            }
        }
        SessionTallies tallies = new SessionTallies(machineNames);
        // Sessions are selected whole, by their last activity: no time range applies to the rows.
        UsageTable table = sessionSums.orElseGet(() -> tableFor(UsageFilter.ALL));
        rows("read usage by session", table, t -> "0", filter.anyTime(), true, tallies::add);
        List<SessionUsage> selected = new ArrayList<>();
        UsageTally totals = new UsageTally();
        for (String id : tallies.ids()) {
            if (filter.includes(tallies.last(id))) {
                SessionUsage s = tallies.usage(id);
                selected.add(s);
                totals.add(s.usage());
            }
        }
        selected.sort(query.order().comparator(query.descending()));
        int from = Math.min(selected.size(), query.offset());
        int to = (int) Math.min(selected.size(), (long) from + query.limit());
        return new SessionPage(selected.subList(from, to), selected.size(), totals.summary(selected.size()));
    }

    /** See {@link dev.cctelemetry.core.port.out.UsageQueries#blocks}. */
    public List<UsageBlock> blocks(UsageFilter filter, Duration length, Instant now) {
        BlockTimeline timeline = new BlockTimeline(length);
        // A run of records may join the timeline together only if no block boundary can fall inside it. Blocks
        // start on whole hours; with a length of whole hours they end on one too, so records of one hour never
        // straddle a boundary, except one lying exactly on the hour (it may be the last of a block whose next
        // record opens another): it gets a run of its own. Other lengths: one run per millisecond.
        boolean wholeHours = length.toMillis() % LocalMillis.HOUR == 0;
        if (wholeHours) {
            return hourBlocks(filter, length, timeline, now);
        }
        Map<Long, List<PartialRow>> bySlot = new TreeMap<>();
        rows("read usage blocks", records, UsageTable::millis, filter.anyTime(), false,
                r -> bySlot.computeIfAbsent(r.numericKey(), k -> new ArrayList<>(2)).add(r));
        List<GroupTally> usage = new ArrayList<>();
        for (List<PartialRow> run : bySlot.values()) {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (PartialRow r : run) {
                first = Math.min(first, r.first());
                last = Math.max(last, r.last());
            }
            int block = timeline.add(Instant.ofEpochMilli(first), Instant.ofEpochMilli(last));
            if (block == usage.size()) {
                usage.add(new GroupTally());
            }
            for (PartialRow r : run) {
                if (r.request()) {
                    r.addTo(usage.get(block));
                }
            }
        }
        return timeline.blocks(usage.stream().map(GroupTally::summary).toList(), now).stream()
                .filter(b -> filter.includes(b.start()))
                .toList();
    }

    /**
     * Where the blocks starting at or after {@code from} can be cut from, empty for the whole history: a whole hour
     * {@code s} at or before {@code from} with no record of the filter (placeholders included) in the block length
     * before it. The record after such a silence opens a block whatever came before, and the gap before that block
     * starts before {@code from}, so the blocks and gaps the range selects are the same as from the whole history.
     * Each probe reads the earliest record in the block length before a candidate hour (through the index on time)
     * and moves the candidate to that record's hour, no further back than {@link #SILENCE_SEARCH}.
     */
    private Optional<Instant> scanStart(Connection c, UsageFilter filter, Instant from, Duration length)
            throws SQLException {
        long s = Math.floorDiv(from.toEpochMilli(), HourSlots.HOUR) * HourSlots.HOUR;
        long limit = from.minus(SILENCE_SEARCH).toEpochMilli();
        while (s >= limit) {
            Instant start = Instant.ofEpochMilli(s);
            Where before = Where.of(records, filter.between(Optional.of(start.minus(length)), Optional.of(start)),
                    false);
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(" + records.millis() + ") FROM "
                    + records.from() + before.sql())) {
                before.bind(ps, records);
                try (ResultSet rs = ps.executeQuery()) {
                    long earliest = rs.next() ? rs.getLong(1) : 0;
                    if (rs.wasNull()) {
                        return Optional.of(start);
                    }
                    // Every hour after the earliest record up to s has it within the length before: skip them.
                    s = Math.floorDiv(earliest, HourSlots.HOUR) * HourSlots.HOUR;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Blocks of whole hours, from hour slots in three small queries: each slot's first and last time (placeholders
     * too: they shape the timeline), which the timeline turns into blocks; the requests' sums per slot, model label
     * and cost source; each slot's distinct sessions, counted per block.
     */
    private List<UsageBlock> hourBlocks(UsageFilter filter, Duration length, BlockTimeline timeline,
            Instant now) {
        List<GroupTally> usage = new ArrayList<>();
        runner.read("read usage blocks", c -> {
            // In the same read as the sums, so a commit in between cannot fill the silence the cut relies on.
            Optional<Instant> scanFrom = filter.from().isPresent()
                    ? scanStart(c, filter, filter.from().get(), length) : Optional.empty();
            // A short recent scan reads the few records through the index on time; a long one the hour summary.
            UsageTable table = scanFrom.filter(s -> Duration.between(s, now).compareTo(RECORDS_SCAN) <= 0)
                    .isPresent() ? records : tableFor(UsageFilter.ALL);
            UsageFilter scanned = filter.between(scanFrom, Optional.empty());
            String slot = HourSlots.of(table.millis());
            // The slots' times and sums from the session-free summary when it serves; sessions from the table.
            UsageTable sums = sumsTable(table, scanned);
            Where all = Where.of(sums, scanned, false);
            Where sumsOfRequests = Where.of(sums, scanned, true);
            Where requests = Where.of(table, scanned, true);
            String from = " FROM " + table.from();
            Map<Long, Integer> blockOf = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + slot + ", " + sums.measures() + " FROM "
                    + sums.from() + all.sql() + " GROUP BY 1 ORDER BY 1")) {
                all.bind(ps, sums);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) { // the measures' first and last times: columns 9 and 10
                        int block = timeline.add(Instant.ofEpochMilli(rs.getLong(9)),
                                Instant.ofEpochMilli(rs.getLong(10)));
                        if (block == usage.size()) {
                            usage.add(new GroupTally());
                        }
                        blockOf.put(rs.getLong(1), block);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + slot + ", " + sums.label() + ", "
                    + sums.costSource() + ", " + sums.measures() + " FROM " + sums.from() + sumsOfRequests.sql()
                    + " GROUP BY 1, 2, 3")) {
                sumsOfRequests.bind(ps, sums);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        usage.get(blockOf.get(rs.getLong(1))).addSums(rs.getString(2),
                                CostSource.ofCode(rs.getString(3)), new TokenCounts(rs.getLong(4), rs.getLong(5),
                                        rs.getLong(6), rs.getLong(7), rs.getLong(8)),
                                rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12));
                    }
                }
            }
            List<java.util.Set<String>> sessions = new ArrayList<>();
            usage.forEach(u -> sessions.add(new java.util.HashSet<>()));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + slot + ", " + table.session() + from
                    + requests.sql() + " GROUP BY 1, 2")) {
                requests.bind(ps, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sessions.get(blockOf.get(rs.getLong(1))).add(rs.getString(2));
                    }
                }
            }
            for (int i = 0; i < usage.size(); i++) {
                usage.get(i).countSessions(sessions.get(i).size());
            }
            return null;
        });
        return timeline.blocks(usage.stream().map(GroupTally::summary).toList(), now).stream()
                .filter(b -> filter.includes(b.start()))
                .toList();
    }

    /** See {@link dev.cctelemetry.core.port.out.UsageQueries#hoursOfWeek}. */
    public List<HourOfWeekUsage> hoursOfWeek(UsageFilter filter, ZoneId zone) {
        Map<Object, GroupTally> byHour = new HashMap<>();
        runner.read("read usage by hour of the week", c -> {
            long[] range = timeRange(c);
            if (range != null) {
                UsageTable table = localTable(filter, zone, range);
                String local = LocalMillis.of(table.millis(), zone, range[0], range[1]);
                String day = LocalMillis.floorDiv(local, LocalMillis.DAY);
                // 1970-01-01 was a Thursday: Monday-based weekday = (day + 3) mod 7.
                String hourOfWeek = "((((" + day + " + 3) % 7) + 7) % 7 * 24 + ("
                        + LocalMillis.floorDiv(local, LocalMillis.HOUR) + " - " + day + " * 24))";
                tallies(c, sumsTable(table, filter), table, hourOfWeek, filter, false, byHour);
            }
            return null;
        });
        Map<Integer, GroupTally> sorted = new TreeMap<>();
        byHour.forEach((slot, t) -> sorted.put(((Number) slot).intValue(), t));
        List<HourOfWeekUsage> out = new ArrayList<>(sorted.size());
        sorted.forEach((slot, t) -> out.add(new HourOfWeekUsage(DayOfWeek.of(slot / 24 + 1), slot % 24,
                t.summary())));
        return out;
    }

    /**
     * The table for grouping by local time in {@code zone}: the pre-summed hours when the filter allows them and the
     * zone's offsets over the stored times ({@code range}, from {@link #timeRange}) are whole hours, else the records.
     */
    private UsageTable localTable(UsageFilter filter, ZoneId zone, long[] range) {
        UsageTable table = tableFor(filter);
        // A zone whose offset is not whole hours (+05:30) splits an hour: read the records.
        return table == records || LocalMillis.wholeHours(zone, range[0], range[1]) ? table : records;
    }

    /**
     * Requests the filter selects, summed per value of {@code key} in a few small queries, whatever the number of
     * records or sessions: sums per key, model label and cost source (from {@code sums}); distinct sessions per key;
     * with {@code places}, each project folder and working directory's latest time per key (from {@code table}).
     * {@code key} must mean the same over both tables. Each key's tally goes to {@code out}. A store's integers may
     * come back as Integer or Long: keys are normalised to Long.
     */
    private void tallies(String what, UsageTable sums, UsageTable table, String key, UsageFilter filter,
            boolean places, Map<Object, GroupTally> out) {
        runner.read(what, c -> {
            tallies(c, sums, table, key, filter, places, out);
            return null;
        });
    }

    /** {@link #tallies(String, UsageTable, UsageTable, String, UsageFilter, boolean, Map)} on an open read. */
    private void tallies(Connection c, UsageTable sums, UsageTable table, String key, UsageFilter filter,
            boolean places, Map<Object, GroupTally> out) throws SQLException {
        Where where = Where.of(table, filter, true);
        Where sumsWhere = Where.of(sums, filter, true);
        String from = " FROM " + table.from() + where.sql();
        // A constant key (totals; one machine's ledger) stays out of GROUP BY: grouping by the label and cost
        // source alone follows the slots' key order, where a constant among them made SQLite sort every row.
        try (PreparedStatement ps = c.prepareStatement("SELECT " + key + ", " + sums.label() + ", "
                + sums.costSource() + ", " + sums.measures() + " FROM " + sums.from() + sumsWhere.sql()
                + (CONSTANT.matcher(key).matches() ? " GROUP BY 2, 3" : " GROUP BY 1, 2, 3"))) {
            sumsWhere.bind(ps, sums);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(keyOf(rs), k -> new GroupTally()).addSums(rs.getString(2),
                            CostSource.ofCode(rs.getString(3)), new TokenCounts(rs.getLong(4), rs.getLong(5),
                                    rs.getLong(6), rs.getLong(7), rs.getLong(8)),
                            rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + key + ", COUNT(DISTINCT " + table.session()
                + ")" + from + " GROUP BY 1")) {
            where.bind(ps, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(keyOf(rs), k -> new GroupTally()).countSessions(rs.getLong(2));
                }
            }
        }
        if (places) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + key + ", " + table.project() + ", "
                    + table.cwd() + ", " + table.measures() + from + " GROUP BY 1, 2, 3")) {
                where.bind(ps, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) { // the measures' last: the latest time
                        out.computeIfAbsent(keyOf(rs), k -> new GroupTally()).offerPlace(rs.getString(2),
                                rs.getString(3), rs.getLong(12));
                    }
                }
            }
        }
    }

    /** The first column, a group key: text, or a whole number as a Long. */
    private static Object keyOf(ResultSet rs) throws java.sql.SQLException {
        Object key = rs.getObject(1);
        return key instanceof Number n ? (Object) n.longValue() : String.valueOf(key);
    }

    /**
     * The pre-summed hours when the filter's range starts and ends on whole hours (then an hour lies wholly in or
     * out of it), else the records.
     */
    private UsageTable tableFor(UsageFilter filter) {
        boolean aligned = filter.from().map(t -> HourSlots.onHour(t.toEpochMilli())).orElse(true)
                && filter.until().map(t -> HourSlots.onHour(t.toEpochMilli())).orElse(true);
        return aligned ? hours.orElse(records) : records;
    }

    /**
     * What to sum {@code filter}'s requests from when {@code table} would serve and the sums need no session,
     * project or working directory: the session-free slots when {@code table} is the hour summary and the filter
     * names no project or session, else {@code table}.
     */
    private UsageTable sumsTable(UsageTable table, UsageFilter filter) {
        return slots.isPresent() && hours.isPresent() && table == hours.get() && filter.projects().isEmpty()
                && filter.session().isEmpty() ? slots.get() : table;
    }

    /** The first and last time stored (or a range around them), or null when nothing is. */
    private long[] timeRange(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(records.timeRange()); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /**
     * Runs the grouped query: records the filter selects, grouped by {@code key} and the partial row's
     * dimensions, each row handed to {@code action}.
     *
     * @param requestsOnly leave placeholders out
     */
    private void rows(String what, UsageTable table, Function<UsageTable, String> keyOf, UsageFilter filter,
            boolean requestsOnly, Consumer<PartialRow> action) {
        String key = keyOf.apply(table);
        Where where = Where.of(table, filter, requestsOnly);
        String sql = PartialRow.select(table, key) + " FROM " + table.from() + where.sql()
                + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8";
        runner.read(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                where.bind(ps, table);
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        action.accept(PartialRow.read(rs));
                    }
                }
            }
            return null;
        });
    }

}
