package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.usage.UsageRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A table of the distinct tuples of text that records repeat ({@code sources}: where a record was read;
 * {@code contexts}: its session, model, working directory, Claude Code version …), which {@code usage_events}
 * refers to by id: a row holds one integer instead of several strings, and a first sync binds and writes a
 * fraction of the text. Recently used ids are cached for the life of the ledger; ids created in a transaction join
 * the cache only once it commits, since a rollback takes their rows back. Runs inside the ledger's transaction.
 */
final class DimensionTable implements AutoCloseable {

    /** The {@code sources} table. */
    static DimensionTable sources(Connection conn) {
        return new DimensionTable(conn, "sources", List.of(
                new Column("config_root", UsageRecord::configRoot),
                new Column("source_file", UsageRecord::sourceFile),
                new Column("project_dir", UsageRecord::projectDir)));
    }

    /** The {@code contexts} table. */
    static DimensionTable contexts(Connection conn) {
        return new DimensionTable(conn, "contexts", List.of(
                new Column("session_id", UsageRecord::sessionId),
                new Column("model", UsageRecord::model),
                new Column("cwd", UsageRecord::cwd),
                new Column("speed", UsageRecord::speed),
                new Column("service_tier", UsageRecord::serviceTier),
                new Column("version", UsageRecord::version),
                new Column("agent_id", UsageRecord::agentId)));
    }

    /** One text column and the part of a record it holds. */
    private record Column(String name, Function<UsageRecord, String> of) {
    }

    private final Connection conn;
    private final Column[] columns;
    private final String insertSql;
    private final String findSql;
    /**
     * Committed tuples and their ids, the most recently used first out of {@link #CACHED}: a history of half a
     * million transcripts has as many sources, whose ids a cache of them all would keep for the whole sync. A tuple
     * that fell out is found again by the table's unique index.
     */
    private final Map<List<String>, Long> committed = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, Long> eldest) {
            return size() > CACHED;
        }
    };
    /** Tuples kept in {@link #committed}: far more than the files one commit of a realistic tree touches. */
    static final int CACHED = 4096;
    private final Map<List<String>, Long> inTransaction = new HashMap<>();
    private PreparedStatement insert;
    private PreparedStatement find;
    /** The last tuple asked for and its id: a record's neighbours nearly always share it (same file, session). */
    private final String[] last;
    private long lastId = -1;

    private DimensionTable(Connection conn, String table, List<Column> columns) {
        this.conn = conn;
        this.columns = columns.toArray(new Column[0]);
        this.last = new String[columns.size()];
        List<String> names = columns.stream().map(Column::name).toList();
        this.insertSql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ") ON CONFLICT DO NOTHING";
        this.findSql = "SELECT id FROM " + table + " WHERE "
                + String.join(" AND ", names.stream().map(n -> n + " = ?").toList());
    }

    /** The id of the record's tuple, adding its row when it is new. */
    long idOf(UsageRecord r) throws SQLException {
        if (lastId >= 0 && sameAsLast(r)) {
            return lastId;
        }
        List<String> values = new ArrayList<>(columns.length);
        for (Column c : columns) {
            values.add(c.of().apply(r));
        }
        Long id = committed.get(values);
        if (id == null) {
            id = inTransaction.get(values);
        }
        if (id == null) {
            id = findOrAdd(values);
            inTransaction.put(values, id);
        }
        values.toArray(last);
        lastId = id;
        return id;
    }

    private boolean sameAsLast(UsageRecord r) {
        for (int i = 0; i < columns.length; i++) {
            String v = columns[i].of().apply(r);
            if (v != last[i] && !v.equals(last[i])) { // the parser shares repeated values: usually the same object
                return false;
            }
        }
        return true;
    }

    private long findOrAdd(List<String> values) throws SQLException {
        if (insert == null) {
            insert = conn.prepareStatement(insertSql);
            find = conn.prepareStatement(findSql);
        }
        for (int i = 0; i < values.size(); i++) {
            insert.setString(i + 1, values.get(i));
            find.setString(i + 1, values.get(i));
        }
        insert.executeUpdate();
        try (ResultSet rs = find.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("row missing right after it was added: " + values);
            }
            return rs.getLong(1);
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
        lastId = -1;
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement i = insert; PreparedStatement f = find) {
            insert = null;
            find = null;
        }
    }
}
