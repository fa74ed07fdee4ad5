package dev.cctelemetry.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The records a commit has just inserted, summed once per key of the hour summary in a temporary table of the
 * writing connection, from which every summary grows: the hour summary ({@link UsageHours}) takes the rows as they
 * are, the session summary ({@link UsageSessions}) regroups the requests' rows (a few hundred per batch). The
 * inserted records are then summed, joined with their contexts and sources, and grouped once per batch however
 * many summaries there are: a second pass for the session summary had cost a first sync of 200 MiB 8 % more CPU.
 *
 * <p>Exact: every summary's key is part of the hour summary's, its sums are sums of these sums (each record's cost
 * rounded to picodollars before any sum, as before), its first and last times the least and greatest of these. The
 * temporary table lives in the connection's memory and in its transaction: a rolled-back commit leaves it as it
 * was, and nothing of it reaches the ledger file.
 */
final class InsertedSums {

    /** The temporary table: {@link UsageHours}'s key columns, then its summed ones. */
    static final String TABLE = "temp.inserted_sums";

    private static final String CREATE = "CREATE TEMP TABLE IF NOT EXISTS inserted_sums (session_id, slot, label,"
            + " project, cwd, cost_source, request, input, output, cache_write_5m, cache_write_1h, cache_read, picos,"
            + " records, first_ts, last_ts)";

    private static final String CLEAR = "DELETE FROM " + TABLE;

    private static final String FILL = "INSERT INTO " + TABLE + " " + UsageHours.SUMMARY_ABOVE_ROWID;

    private InsertedSums() {
    }

    /**
     * Adds the records inserted after {@code rowid} ({@link UsageHours#lastRowid} taken before inserting them) to
     * every summary. Must run before any of them is updated: the summaries' update triggers expect them summed.
     */
    static void addAfter(Connection conn, long rowid) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(CREATE);
            s.execute(CLEAR);
            try (PreparedStatement fill = conn.prepareStatement(FILL)) {
                fill.setLong(1, rowid);
                fill.executeUpdate();
            }
            s.executeUpdate(UsageHours.ADD_INSERTED);
            s.executeUpdate(UsageSessions.ADD_INSERTED);
            s.execute(CLEAR);
        }
    }
}
