package dev.cctelemetry.store.query;

import dev.cctelemetry.core.query.GroupTally;
import dev.cctelemetry.core.query.SessionOrder;
import dev.cctelemetry.core.query.SessionPage;
import dev.cctelemetry.core.query.SessionQuery;
import dev.cctelemetry.core.query.SessionUsage;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of the sessions list, sorted and cut by the database over a table of per-session sums (the ledger's
 * {@code usage_sessions}): each session's sums in one grouped pass in key order, the page's ids by {@code ORDER BY
 * ... LIMIT}, the count and the totals per model label and cost source as aggregates, and only the page's sessions
 * read in full. A dashboard page of 50 sessions out of 5,000 thus reads no more rows into Java than it shows.
 * Sessions are selected whole by their last activity, as the port defines; ties are broken by last activity, then
 * session id (compared as the database compares text: byte order, which is Java's order for the ASCII of ids).
 */
final class SessionPages {

    /** Pages up to this many sessions are cut in SQL; a longer list (the whole report) is read in one pass. */
    static final int MAX_PAGE = 1_000;

    /** The per-session sums, named; the measures of {@link UsageTable#measures()} in their order. */
    private static final String PER_SESSION = "s(session_id, input, output, cache_write_5m, cache_write_1h,"
            + " cache_read, picos, requests, first_ts, last_ts)";

    private final SqlRunner runner;
    private final UsageTable table;
    private final Function<String, String> machineNames;

    /**
     * @param runner runs the queries
     * @param table the requests pre-summed per session (and per model label, cost source and place)
     * @param machineNames a machine's name by its id
     */
    SessionPages(SqlRunner runner, UsageTable table, Function<String, String> machineNames) {
        this.runner = Objects.requireNonNull(runner, "runner is null");
        this.table = Objects.requireNonNull(table, "table is null");
        this.machineNames = Objects.requireNonNull(machineNames, "machineNames is null");
    }

    /**
     * The SQL that sorts sessions in {@code order}, over the per-session sums; empty for the orders that need what
     * only the fold knows (the latest place, the machine's name).
     */
    static Optional<String> sortKey(SessionOrder order) {
        return switch (order) {
            case LAST_ACTIVITY -> Optional.of("last_ts");
            case FIRST_ACTIVITY -> Optional.of("first_ts");
            case DURATION -> Optional.of("last_ts - first_ts");
            case COST -> Optional.of("picos");
            case TOKENS -> Optional.of("input + output + cache_write_5m + cache_write_1h + cache_read");
            case REQUESTS -> Optional.of("requests");
            case PROJECT, MACHINE -> Optional.empty();
        };
    }

    /**
     * The page {@code query} asks for, sorted by {@code key} (a {@link #sortKey}).
     */
    SessionPage page(UsageFilter filter, SessionQuery query, String key) {
        Where where = Where.of(table, filter.anyTime(), true);
        String rows = " FROM " + table.from() + where.sql();
        List<Instant> bounds = new ArrayList<>();
        StringBuilder selected = new StringBuilder("WITH " + PER_SESSION + " AS (SELECT " + table.session() + ", "
                + table.measures() + rows + " GROUP BY 1), selected AS (SELECT * FROM s WHERE 1 = 1");
        filter.from().ifPresent(t -> {
            selected.append(" AND last_ts >= ?");
            bounds.add(t);
        });
        filter.until().ifPresent(t -> {
            selected.append(" AND last_ts < ?");
            bounds.add(t);
        });
        selected.append(") ");
        PageRead read = runner.read("read a page of sessions", c -> {
            List<String> ids = new ArrayList<>();
            long total = -1;
            // The count over the whole selection rides on the page's rows (a window over all of them, taken before
            // LIMIT): one pass over the sums instead of two. A page past the end has no rows to carry it.
            try (PreparedStatement ps = c.prepareStatement(selected + "SELECT session_id, COUNT(*) OVER ()"
                    + " FROM selected ORDER BY " + key + (query.descending() ? " DESC" : "")
                    + ", last_ts, session_id LIMIT ? OFFSET ?")) {
                int next = bindSelected(ps, where, bounds);
                ps.setInt(next, query.limit());
                ps.setInt(next + 1, query.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                        total = rs.getLong(2);
                    }
                }
            }
            if (total < 0) {
                try (PreparedStatement ps = c.prepareStatement(selected + "SELECT COUNT(*) FROM selected")) {
                    bindSelected(ps, where, bounds);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
            }
            return new PageRead(ids, tallies(c, where, ids), total, totals(c, where, selected.toString(), bounds,
                    total));
        });
        // Machine names are looked up after the read: a store may read them in a transaction of its own on the same
        // connection (the shared store does), which must not end this one half-way.
        List<SessionUsage> sessions = new ArrayList<>(read.ids().size());
        for (String id : read.ids()) {
            sessions.add(read.tallies().usage(id));
        }
        return new SessionPage(sessions, read.count(), read.totals());
    }

    /** What the page's read transaction found: the page's ids in order, their rows, the count and the totals. */
    private record PageRead(List<String> ids, SessionTallies tallies, long count, UsageSummary totals) {
    }

    private int bindSelected(PreparedStatement ps, Where where, List<Instant> bounds) throws SQLException {
        int next = where.bind(ps, table, 1);
        for (Instant t : bounds) {
            table.bindTime(ps, next++, t);
        }
        return next;
    }

    /** The selected sessions' usage summed per model label and cost source (of every selected row when no range). */
    private UsageSummary totals(Connection c, Where where, String selected,
            List<Instant> bounds, long total) throws SQLException {
        GroupTally totals = new GroupTally();
        String sums = "SELECT " + table.label() + ", " + table.costSource() + ", " + table.measures() + " FROM "
                + table.from() + where.sql();
        boolean ranged = !bounds.isEmpty();
        String sql = ranged ? selected + sums + " AND " + table.session() + " IN (SELECT session_id FROM selected)"
                + " GROUP BY 1, 2" : sums + " GROUP BY 1, 2";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (ranged) {
                where.bind(ps, table, bindSelected(ps, where, bounds));
            } else {
                where.bind(ps, table);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    totals.addSums(rs.getString(1), CostSource.ofCode(rs.getString(2)), new TokenCounts(rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)), rs.getLong(8), rs.getLong(9),
                            rs.getLong(10), rs.getLong(11));
                }
            }
        }
        totals.countSessions(total);
        return totals.summary();
    }

    /** The rows of the sessions {@code ids}, tallied. */
    private SessionTallies tallies(Connection c, Where where, List<String> ids) throws SQLException {
        SessionTallies tallies = new SessionTallies(machineNames);
        if (ids.isEmpty()) {
            return tallies;
        }
        try (PreparedStatement ps = c.prepareStatement(PartialRow.select(table, "0") + " FROM " + table.from()
                + where.sql() + " AND " + table.session() + " IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") GROUP BY 1, 2, 3, 4, 5, 6, 7, 8")) {
            int next = where.bind(ps, table, 1);
            for (String id : ids) {
                ps.setString(next++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tallies.add(PartialRow.read(rs));
                }
            }
        }
        return tallies;
    }
}
