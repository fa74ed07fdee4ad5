package dev.cctelemetry.store.postgres;

import dev.cctelemetry.core.limits.LimitLevel;
import dev.cctelemetry.core.limits.LimitWindow;
import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.core.port.out.PlanLimitSink.MachineReading;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The remote {@code plan_limit_readings} table: insert-once readings and the history query, inside a caller's transaction. */
final class PlanLimitReadingsSql {

    private PlanLimitReadingsSql() {
    }

    /** Inserts the readings of one machine that are not stored yet. */
    static void insert(Connection c, String machineId, List<PlanLimitReading> readings) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_limit_readings (machine_id, limit_window,"
                + " seen_at, used_percentage, resets_at, session_id) VALUES (?,?,?,?,?,?)"
                + " ON CONFLICT (machine_id, limit_window, seen_at) DO NOTHING")) {
            for (PlanLimitReading r : readings) {
                ps.setString(1, machineId);
                ps.setString(2, r.window().key());
                ps.setObject(3, utc(r.seenAt()));
                ps.setDouble(4, r.usedPercentage());
                ps.setObject(5, utc(r.resetsAt()));
                ps.setString(6, r.sessionId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Readings since {@code since} of every machine or of one (by id or name), by machine name then time. */
    static List<MachineReading> select(Connection c, Optional<Instant> since, Optional<String> machine)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT r.machine_id, coalesce(m.name, ''), r.limit_window,"
                + " r.used_percentage, r.resets_at, r.seen_at, r.session_id FROM plan_limit_readings r"
                + " LEFT JOIN machines m ON m.machine_id = r.machine_id WHERE true");
        if (since.isPresent()) {
            sql.append(" AND r.seen_at >= ?");
        }
        if (machine.isPresent()) {
            sql.append(" AND (r.machine_id = ? OR m.name = ?)");
        }
        sql.append(" ORDER BY 2, r.machine_id, r.seen_at, r.limit_window");
        List<MachineReading> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (since.isPresent()) {
                ps.setObject(i++, utc(since.get()));
            }
            if (machine.isPresent()) {
                ps.setString(i++, machine.get());
                ps.setString(i, machine.get());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String window = rs.getString(3);
                    double used = rs.getDouble(4);
                    if (!LimitWindow.isValidKey(window) || !LimitLevel.isPlausible(used)) {
                        continue; // written by something else than cc-telemetry: not a reading we can show
                    }
                    PlanLimitReading reading = new PlanLimitReading(new LimitLevel(new LimitWindow(window), used,
                            rs.getObject(5, OffsetDateTime.class).toInstant()),
                            rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7));
                    out.add(new MachineReading(rs.getString(1), rs.getString(2), reading));
                }
            }
        }
        return out;
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
