package dev.cctelemetry.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of a ledger's tables, read straight from the SQLite file, so two ledgers can be compared whole.
 * {@code change_seq} (a commit counter that differs with batch boundaries by design), {@code ledger_meta} (which
 * only holds that counter) and source and context ids (numbered in the order files happen to be committed) are
 * left out: records are compared with their source's and context's columns joined in; every other column of every
 * row is compared. The contexts table itself is not: a copy that loses to the stored one may leave its context's
 * row behind, and which copies meet in SQL rather than in a batch depends on batch boundaries.
 *
 * @param tables table name to its rows, each row its columns joined by tabs, sorted
 * @param integrity SQLite's {@code PRAGMA integrity_check} result ("ok" when sound)
 */
record LedgerSnapshot(Map<String, List<String>> tables, String integrity) {

    private static final Map<String, String> TABLES = Map.of(
            "usage_events", "SELECT e.*, s.config_root, s.source_file, s.project_dir, c.session_id, c.model, c.cwd,"
                    + " c.speed, c.service_tier, c.version, c.agent_id FROM usage_events e"
                    + " JOIN sources s ON s.id = e.source_id JOIN contexts c ON c.id = e.context_id",
            "sources", "SELECT * FROM sources",
            "file_checkpoints", "SELECT * FROM file_checkpoints",
            "cost_states", "SELECT * FROM cost_states");
    private static final java.util.Set<String> LEFT_OUT = java.util.Set.of("change_seq", "source_id", "context_id",
            "id");

    static LedgerSnapshot of(Path db) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                Statement s = c.createStatement()) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(table.getValue())) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            if (LEFT_OUT.contains(md.getColumnName(i))) {
                                continue;
                            }
                            row.append(rs.getString(i)).append('\t');
                        }
                        rows.add(row.toString());
                    }
                }
                Collections.sort(rows);
                tables.put(table.getKey(), List.copyOf(rows));
            }
            String integrity;
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                integrity = rs.next() ? rs.getString(1) : "no result";
            }
            return new LedgerSnapshot(tables, integrity);
        }
    }

    int rows(String table) {
        return tables.get(table).size();
    }
}
