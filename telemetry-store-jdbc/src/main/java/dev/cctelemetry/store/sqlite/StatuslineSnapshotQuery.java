package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.query.BlockTimeline;
import dev.cctelemetry.core.query.Picodollars;
import dev.cctelemetry.core.statusline.LocalZone;
import dev.cctelemetry.core.statusline.StatuslineSnapshot;
import dev.cctelemetry.store.query.HourSlots;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a {@link StatuslineSnapshot} from the ledger in a few statements, so a sync can publish one without
 * streaming the history into Java: the latest request, the records of the last {@link #RECENT} (for today, the
 * block and the recent sessions), and the older cost of those sessions (from the hour summary).
 *
 * <p>The block is cut with ccusage's rule ({@link BlockTimeline}) from the last silence longer than a block within
 * the recent records: after such a silence a new block starts whatever came before, so the cut is exact unless
 * someone worked without a 5-hour pause for two weeks (then the block is cut at the window's start).
 */
final class StatuslineSnapshotQuery {

    /** Sessions with a request this recent are listed with their cost. */
    static final Duration RECENT = Duration.ofDays(14);
    /** ccusage's block length. */
    static final Duration BLOCK = Duration.ofHours(5);

    private static final String RECENT_ROWS = "SELECT e.ts, e.cost_usd, e.total_tokens, c.session_id"
            + " FROM usage_events e JOIN contexts c ON c.id = e.context_id WHERE e.ts >= ? ORDER BY e.ts";
    /** A session's cost in the hour slots before a given one, from the hour summary ({@link UsageHours}). */
    private static final String OLDER_COST = "SELECT SUM(picos) FROM usage_hours WHERE session_id = ? AND slot < ?"
            + " AND request = 1";
    /** The records between an hour's start and a time within it, which the summary's rows of that hour mix in. */
    private static final String HOUR_ROWS = "SELECT c.session_id, e.cost_usd FROM usage_events e JOIN contexts c"
            + " ON c.id = e.context_id WHERE e.ts >= ? AND e.ts < ? AND e.total_tokens > 0";

    private StatuslineSnapshotQuery() {
    }

    /** The snapshot of what the ledger on {@code conn} holds, made at {@code now} for dates of {@code zone}. */
    static StatuslineSnapshot make(Connection conn, Instant now, ZoneId zone) throws SQLException {
        Optional<Instant> latest = latestRequest(conn);
        Instant since = now.minus(RECENT);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = today.minusDays(1);
        Optional<LocalDate> lastDate = latest.map(t -> LocalDate.ofInstant(t, zone));
        LocalDate last = lastDate.filter(d -> d.isAfter(today)).orElse(today);
        Instant daysFrom = first.atStartOfDay(zone).toInstant();
        Instant scanFrom = daysFrom.isBefore(since) ? daysFrom : since;

        List<Row> rows = recentRows(conn, scanFrom);
        Map<LocalDate, Long> days = new HashMap<>();
        Map<String, Long> sessions = new HashMap<>();
        for (Row r : rows) {
            if (r.tokens() <= 0) {
                continue;
            }
            LocalDate d = LocalDate.ofInstant(r.ts(), zone);
            if (!d.isBefore(first) && !d.isAfter(last)) {
                days.merge(d, r.picos(), Long::sum);
            }
            sessions.merge(r.sessionId(), r.picos(), Long::sum);
        }
        addOlderCost(conn, scanFrom, sessions);
        return new StatuslineSnapshot(now, LocalZone.of(zone), new StatuslineSnapshot.DayRange(first, last, days), lastDate,
                lastBlock(rows), scanFrom, sessions);
    }

    private record Row(Instant ts, long picos, long tokens, String sessionId) {
    }

    private static Optional<Instant> latestRequest(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(ts) FROM usage_events WHERE total_tokens > 0")) {
            long ts = rs.next() ? rs.getLong(1) : 0;
            return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ts));
        }
    }

    private static List<Row> recentRows(Connection conn, Instant from) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(RECENT_ROWS)) {
            ps.setLong(1, from.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(Instant.ofEpochMilli(rs.getLong(1)), Picodollars.of(rs.getDouble(2)),
                            rs.getLong(3), rs.getString(4)));
                }
            }
        }
        return rows;
    }

    /**
     * Adds the cost of requests before {@code from} to the sessions that also have a request since (the map's
     * keys): the summary's whole hours before {@code from}'s hour, one lookup per session, then the records of that
     * hour before {@code from}. Neither reads a session's older records one by one.
     */
    private static void addOlderCost(Connection conn, Instant from, Map<String, Long> sessions) throws SQLException {
        long fromMillis = from.toEpochMilli();
        long hourStart = Math.floorDiv(fromMillis, HourSlots.HOUR) * HourSlots.HOUR;
        try (PreparedStatement ps = conn.prepareStatement(OLDER_COST)) {
            for (Map.Entry<String, Long> session : sessions.entrySet()) {
                ps.setString(1, session.getKey());
                ps.setLong(2, HourSlots.firstSlotOfHour(fromMillis));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        session.setValue(session.getValue() + rs.getLong(1));
                    }
                }
            }
        }
        try (PreparedStatement ps = conn.prepareStatement(HOUR_ROWS)) {
            ps.setLong(1, hourStart);
            ps.setLong(2, fromMillis);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long picos = Picodollars.of(rs.getDouble(2));
                    sessions.computeIfPresent(rs.getString(1), (k, v) -> v + picos);
                }
            }
        }
    }

    /** The last block of the recent rows (oldest first), if it holds a request. */
    private static Optional<StatuslineSnapshot.LastBlock> lastBlock(List<Row> rows) {
        int from = 0;
        for (int i = rows.size() - 1; i > 0; i--) {
            if (Duration.between(rows.get(i - 1).ts(), rows.get(i).ts()).compareTo(BLOCK) > 0) {
                from = i;
                break;
            }
        }
        BlockTimeline timeline = new BlockTimeline(BLOCK);
        int block = -1;
        long picos = 0;
        boolean request = false;
        for (Row r : rows.subList(from, rows.size())) {
            int b = timeline.add(r.ts(), r.ts());
            if (b != block) {
                block = b;
                picos = 0;
                request = false;
            }
            if (r.tokens() > 0) {
                picos += r.picos();
                request = true;
            }
        }
        if (!request) {
            return Optional.empty();
        }
        List<BlockTimeline.Span> spans = timeline.spans();
        BlockTimeline.Span last = spans.get(spans.size() - 1);
        double minutes = Duration.between(last.first(), last.last()).toMillis() / 60_000.0;
        Optional<Double> perHour = minutes > 0 ? Optional.of(Picodollars.usd(picos) / minutes * 60) : Optional.empty();
        return Optional.of(new StatuslineSnapshot.LastBlock(last.start().plus(BLOCK), last.last(), BLOCK, picos,
                perHour));
    }
}
