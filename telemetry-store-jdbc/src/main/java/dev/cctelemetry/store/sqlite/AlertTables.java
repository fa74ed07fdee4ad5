package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.alert.Alert;
import dev.cctelemetry.core.port.out.AlertLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link AlertLog} on the ledger's {@code alerts} and {@code alert_deliveries} tables. Raising is an
 * {@code INSERT OR IGNORE} on the alert key and claiming an attempt a conditional {@code UPDATE}: SQLite serialises
 * both, so of several processes exactly one raises a key or takes an attempt.
 */
final class AlertTables implements AlertLog {

    private static final String PENDING = "pending";
    private static final String SKIPPED = "skipped";
    private static final String ALERT_COLUMNS = "a.alert_key, a.subject, a.threshold, a.title, a.message, a.raised_at";

    private final Connection conn;

    AlertTables(Connection conn) {
        this.conn = conn;
    }

    @Override
    public List<Alert> raise(List<Alert> alerts, List<String> channels, Set<String> silent) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        List<Alert> fresh = new ArrayList<>();
        try {
            conn.setAutoCommit(false);
            try (PreparedStatement insert = conn.prepareStatement("INSERT OR IGNORE INTO alerts (alert_key, subject,"
                            + " threshold, title, message, raised_at) VALUES (?,?,?,?,?,?)");
                    PreparedStatement delivery = conn.prepareStatement("INSERT OR IGNORE INTO alert_deliveries"
                            + " (alert_key, channel, state) VALUES (?,?,?)")) {
                for (Alert a : alerts) {
                    insert.setString(1, a.key());
                    insert.setString(2, a.subject());
                    insert.setInt(3, a.threshold());
                    insert.setString(4, a.title());
                    insert.setString(5, a.message());
                    insert.setLong(6, a.raisedAt().toEpochMilli());
                    if (insert.executeUpdate() == 0) {
                        continue;
                    }
                    fresh.add(a);
                    for (String channel : channels) {
                        delivery.setString(1, a.key());
                        delivery.setString(2, channel);
                        delivery.setString(3, silent.contains(a.key()) ? SKIPPED : PENDING);
                        delivery.executeUpdate();
                    }
                }
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
            return fresh;
        } catch (SQLException e) {
            throw SqlErrors.failure("raise alerts", e);
        }
    }

    @Override
    public List<PendingDelivery> pending(Instant now, Duration retryAfter, Duration maxAge, int maxAttempts) {
        List<PendingDelivery> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + ALERT_COLUMNS + ", d.channel, d.attempts"
                + " FROM alert_deliveries d JOIN alerts a ON a.alert_key = d.alert_key"
                + " WHERE d.state = '" + PENDING + "' AND d.attempts < ?"
                + " AND (d.last_attempt_at IS NULL OR d.last_attempt_at <= ?) AND a.raised_at >= ?"
                + " ORDER BY a.raised_at, a.alert_key, d.channel")) {
            ps.setInt(1, maxAttempts);
            ps.setLong(2, now.minus(retryAfter).toEpochMilli());
            ps.setLong(3, now.minus(maxAge).toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PendingDelivery(alert(rs), rs.getString(7), rs.getInt(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.failure("read pending alerts", e);
        }
    }

    @Override
    public boolean claimDelivery(String key, String channel, Instant now, Duration retryAfter) {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE alert_deliveries SET attempts = attempts + 1,"
                + " last_attempt_at = ? WHERE alert_key = ? AND channel = ? AND state = '" + PENDING + "'"
                + " AND (last_attempt_at IS NULL OR last_attempt_at <= ?)")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, key);
            ps.setString(3, channel);
            ps.setLong(4, now.minus(retryAfter).toEpochMilli());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw SqlErrors.failure("claim an alert delivery", e);
        }
    }

    @Override
    public void recordAttempt(String key, String channel, boolean delivered, Optional<String> error, boolean retry) {
        String state = delivered ? "delivered" : retry ? PENDING : "failed";
        try (PreparedStatement ps = conn.prepareStatement("UPDATE alert_deliveries SET state = ?, last_error = ?"
                + " WHERE alert_key = ? AND channel = ?")) {
            ps.setString(1, state);
            ps.setString(2, error.map(AlertTables::firstLine).orElse(""));
            ps.setString(3, key);
            ps.setString(4, channel);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.failure("record an alert delivery", e);
        }
    }

    @Override
    public Optional<RaisedAlert> lastRaised() {
        try (PreparedStatement last = conn.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM alerts a"
                        + " ORDER BY a.raised_at DESC, a.threshold DESC, a.rowid DESC LIMIT 1");
                PreparedStatement deliveries = conn.prepareStatement("SELECT channel, state, attempts, last_error"
                        + " FROM alert_deliveries WHERE alert_key = ? ORDER BY channel")) {
            Alert alert;
            try (ResultSet rs = last.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                alert = alert(rs);
            }
            deliveries.setString(1, alert.key());
            List<String> states = new ArrayList<>();
            try (ResultSet rs = deliveries.executeQuery()) {
                while (rs.next()) {
                    String state = rs.getString(2);
                    String error = rs.getString(4);
                    if (state.equals(PENDING) && rs.getInt(3) > 0) {
                        state = "pending, " + rs.getInt(3) + " failed attempt" + (rs.getInt(3) == 1 ? "" : "s");
                    }
                    states.add(rs.getString(1) + ": " + state + (error.isEmpty() ? "" : " (" + error + ")"));
                }
            }
            return Optional.of(new RaisedAlert(alert, states));
        } catch (SQLException e) {
            throw SqlErrors.failure("read the last alert", e);
        }
    }

    /** An alert from the first six columns ({@link #ALERT_COLUMNS}). */
    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl >= 0 ? s.substring(0, nl) : s;
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
