package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.limits.LimitLevel;
import dev.cctelemetry.core.limits.LimitWindow;
import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.core.port.out.PlanLimitLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PlanLimitLog} on the ledger's {@code plan_limit_readings} table, over the ledger's connection. A reading
 * is compared with the stored ones just before and just after it in time (under the write lock the transaction
 * takes first) and stored only when it differs from both: the table holds each change once, whoever records it
 * and in whatever order the statuslines of several sessions hand theirs in.
 */
final class PlanLimitTable implements PlanLimitLog {

    private static final String COLUMNS = "id, limit_window, used_percentage, resets_at, seen_at, session_id";

    private final Connection conn;

    PlanLimitTable(Connection conn) {
        this.conn = conn;
    }

    @Override
    public List<PlanLimitReading> recordChanges(List<PlanLimitReading> readings) {
        if (readings.isEmpty()) {
            return List.of();
        }
        List<PlanLimitReading> sorted = readings.stream().sorted(Comparator.comparing(PlanLimitReading::seenAt))
                .toList();
        List<PlanLimitReading> stored = new ArrayList<>();
        try {
            conn.setAutoCommit(false); // BEGIN IMMEDIATE: the write lock before the comparison
            try (PreparedStatement before = conn.prepareStatement("SELECT " + COLUMNS + " FROM plan_limit_readings"
                            + " WHERE limit_window = ? AND seen_at <= ? ORDER BY seen_at DESC, id DESC LIMIT 1");
                    PreparedStatement after = conn.prepareStatement("SELECT " + COLUMNS + " FROM plan_limit_readings"
                            + " WHERE limit_window = ? AND seen_at > ? ORDER BY seen_at, id LIMIT 1");
                    PreparedStatement insert = conn.prepareStatement("INSERT INTO plan_limit_readings (limit_window,"
                            + " used_percentage, resets_at, seen_at, session_id) VALUES (?,?,?,?,?)")) {
                for (PlanLimitReading r : sorted) {
                    if (neighbour(before, r).filter(n -> n.level().sameAs(r.level())).isPresent()
                            || neighbour(after, r).filter(n -> n.level().sameAs(r.level())).isPresent()) {
                        continue;
                    }
                    insert.setString(1, r.window().key());
                    insert.setDouble(2, r.usedPercentage());
                    insert.setLong(3, r.resetsAt().getEpochSecond());
                    insert.setLong(4, r.seenAt().toEpochMilli());
                    insert.setString(5, r.sessionId());
                    insert.executeUpdate();
                    stored.add(r);
                }
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
            return stored;
        } catch (SQLException e) {
            throw SqlErrors.failure("record plan-limit readings", e);
        }
    }

    /** The stored reading of {@code r}'s window the statement finds around {@code r}'s time. */
    private static Optional<PlanLimitReading> neighbour(PreparedStatement ps, PlanLimitReading r) throws SQLException {
        ps.setString(1, r.window().key());
        ps.setLong(2, r.seenAt().toEpochMilli());
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    @Override
    public List<PlanLimitReading> readings(Optional<Instant> since) {
        Objects.requireNonNull(since, "since is null");
        return query("SELECT " + COLUMNS + " FROM plan_limit_readings WHERE seen_at >= ? ORDER BY seen_at, id",
                since.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
    }

    @Override
    public List<PlanLimitReading> latest() {
        List<PlanLimitReading> out = new ArrayList<>(query("SELECT " + COLUMNS + " FROM plan_limit_readings r"
                + " WHERE id = (SELECT id FROM plan_limit_readings WHERE limit_window = r.limit_window"
                + " ORDER BY seen_at DESC, id DESC LIMIT 1)"));
        out.sort(Comparator.comparing(PlanLimitReading::window));
        return out;
    }

    @Override
    public PendingReadings pendingReadings(long afterId, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        List<PlanLimitReading> out = new ArrayList<>();
        long last = afterId;
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM plan_limit_readings"
                + " WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                    last = rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.failure("read plan-limit readings to push", e);
        }
        return new PendingReadings(out, last);
    }

    @Override
    public long readingsPushedMark(String target) {
        Objects.requireNonNull(target, "target is null");
        LedgerMeta meta = new LedgerMeta(conn);
        return target.equals(meta.get("readings_pushed_target").orElse(""))
                ? Long.parseLong(meta.get("readings_pushed_id").orElse("0")) : 0;
    }

    @Override
    public void markReadingsPushed(String target, long lastId) {
        Objects.requireNonNull(target, "target is null");
        try {
            conn.setAutoCommit(false);
            try {
                LedgerMeta meta = new LedgerMeta(conn);
                boolean sameTarget = target.equals(meta.get("readings_pushed_target").orElse(""));
                if (!sameTarget || lastId > Long.parseLong(meta.get("readings_pushed_id").orElse("0"))) {
                    meta.put("readings_pushed_id", Long.toString(lastId));
                    meta.put("readings_pushed_target", target);
                }
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqlErrors.failure("store the plan-limit push mark", e);
        }
    }

    private List<PlanLimitReading> query(String sql, long... params) {
        List<PlanLimitReading> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.failure("read plan-limit readings", e);
        }
    }

    /** A row of {@link #COLUMNS}. */
    private static PlanLimitReading read(ResultSet rs) throws SQLException {
        return new PlanLimitReading(new LimitLevel(new LimitWindow(rs.getString(2)), rs.getDouble(3),
                Instant.ofEpochSecond(rs.getLong(4))), Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6));
    }
}
