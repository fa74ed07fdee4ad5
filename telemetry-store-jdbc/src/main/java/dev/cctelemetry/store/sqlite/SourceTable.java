package dev.cctelemetry.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code sources} table: one row per transcript file a record was read from (with its config root and
 * project folder), referred to by {@code usage_events.source_id}. Ids are cached for the life of the ledger;
 * ids created in a transaction join the cache only once it commits, since a rollback takes their rows back.
 */
final class SourceTable {

    /** Where a record was read from. */
    record Source(String configRoot, String sourceFile, String projectDir) {
    }

    private final Connection conn;
    private final Map<Source, Long> committed = new HashMap<>();
    private final Map<Source, Long> inTransaction = new HashMap<>();

    SourceTable(Connection conn) {
        this.conn = conn;
    }

    /** The id of {@code source}, adding its row when it is new. Runs inside the ledger's transaction. */
    long idOf(Source source) throws SQLException {
        Long id = committed.get(source);
        if (id == null) {
            id = inTransaction.get(source);
        }
        if (id == null) {
            id = findOrAdd(source);
            inTransaction.put(source, id);
        }
        return id;
    }

    private long findOrAdd(Source source) throws SQLException {
        try (PreparedStatement add = conn.prepareStatement("INSERT INTO sources (config_root, source_file,"
                + " project_dir) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            add.setString(1, source.configRoot());
            add.setString(2, source.sourceFile());
            add.setString(3, source.projectDir());
            add.executeUpdate();
        }
        try (PreparedStatement find = conn.prepareStatement("SELECT id FROM sources WHERE source_file = ?"
                + " AND config_root = ? AND project_dir = ?")) {
            find.setString(1, source.sourceFile());
            find.setString(2, source.configRoot());
            find.setString(3, source.projectDir());
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("source row missing right after it was added: " + source.sourceFile());
                }
                return rs.getLong(1);
            }
        }
    }

    /** The transaction committed: its new ids are now safe to reuse. */
    void committed() {
        committed.putAll(inTransaction);
        inTransaction.clear();
    }

    /** The transaction rolled back: forget the ids it created. */
    void rolledBack() {
        inTransaction.clear();
    }
}
