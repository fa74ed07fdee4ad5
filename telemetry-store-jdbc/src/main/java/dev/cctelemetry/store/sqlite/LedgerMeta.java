package dev.cctelemetry.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The ledger's {@code ledger_meta} key-value rows (marks, counters), read and written one at a time. */
final class LedgerMeta {

    private final Connection conn;

    LedgerMeta(Connection conn) {
        this.conn = conn;
    }

    /** The value stored under {@code key}, if any. */
    Optional<String> get(String key) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT value FROM ledger_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.failure("read metadata", e);
        }
    }

    /** Stores {@code value} under {@code key}, in the caller's transaction. */
    void put(String key, String value) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO ledger_meta(key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }
}
