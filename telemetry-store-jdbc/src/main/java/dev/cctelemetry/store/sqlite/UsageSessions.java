package dev.cctelemetry.store.sqlite;

import java.util.List;

/**
 * The ledger's per-session summary {@code usage_sessions} (schema version 9): requests (records with at least one
 * token) pre-summed per session, model label, cost source, project folder and working directory, with their first
 * and last time. The sessions list reads it in key order without grouping or sorting anything: at 1M generated
 * records it has 29k rows for 5k sessions where the hour summary ({@link UsageHours}) has 75k, which SQLite had to
 * regroup in a temporary B-tree (about 160 ms) before Java folded them.
 *
 * <p>Kept in the same transaction as the records, as the hour summary is: the commit adds the records it inserts
 * with one grouped upsert ({@link #ADD_INSERTED}, regrouped from the commit's {@link InsertedSums}); triggers
 * follow the rare changes of stored rows. Removing a record recounts its row's first or last time only when the
 * record was at it, and then only among the records inside the row's own time span (through the index on time), so
 * a cost-state spread over a session stays cheap.
 */
final class UsageSessions {

    private static final String KEY_COLUMNS = "session_id, label, cost_source, project, cwd";

    private static final String LABEL = UsageHours.LABEL;

    /** The summary of the requests among the records {@code e} (with contexts {@code c}, sources {@code s}). */
    private static final String SELECT_SUMMARY = "SELECT c.session_id, " + LABEL
            + ", e.cost_source, s.project_dir, c.cwd, " + UsageHours.SUMS_FROM + " WHERE e.total_tokens > 0";

    private static final String GROUP = " GROUP BY 1, 2, 3, 4, 5";

    /** The summary of every stored request, computed afresh: what the table holds at every commit. */
    static final String SUMMARY = SELECT_SUMMARY + GROUP;

    private static final String MERGE = UsageHours.merge(KEY_COLUMNS);

    /**
     * Adds the requests a commit inserted, regrouped from their sums per hour key ({@link InsertedSums}): this
     * summary's key is part of that one's.
     */
    static final String ADD_INSERTED = insertRegrouped(InsertedSums.TABLE) + MERGE;

    private UsageSessions() {
    }

    /**
     * The statements of migration 9 (after 8: {@code usage_hours} must be there): the table, the summary of what
     * is stored, the triggers for updates and deletions. They may run again over their own result and leave the
     * same.
     */
    static List<String> migration() {
        return List.of(
                """
                CREATE TABLE IF NOT EXISTS usage_sessions (
                  session_id      TEXT    NOT NULL,
                  label           TEXT    NOT NULL,
                  cost_source     TEXT    NOT NULL,
                  project         TEXT    NOT NULL,
                  cwd             TEXT    NOT NULL,
                """ + UsageHours.MEASURE_COLUMNS + "  PRIMARY KEY (" + KEY_COLUMNS + ")) WITHOUT ROWID",
                "DROP TRIGGER IF EXISTS usage_sessions_delete",
                "DROP TRIGGER IF EXISTS usage_sessions_update",
                "DELETE FROM usage_sessions",
                // From the hour summary, which migration 8 made exact: 75k rows to regroup at 1M records instead of
                // every record joined with its context and source.
                insertRegrouped("usage_hours"),
                "CREATE TRIGGER usage_sessions_delete AFTER DELETE ON usage_events WHEN OLD.total_tokens > 0 BEGIN "
                        + remove("OLD.") + " END",
                "CREATE TRIGGER usage_sessions_update AFTER UPDATE OF ts, context_id, source_id, cost_source,"
                        + " input, output, cache_write_5m, cache_write_1h, cache_read, total_tokens, cost_usd"
                        + " ON usage_events BEGIN " + remove("OLD.") + " " + add("NEW.") + " END");
    }

    /**
     * Inserts the requests' rows of {@code hourSums} (the hour summary's columns: the table, or a commit's
     * {@link InsertedSums}) summed per this summary's key.
     */
    private static String insertRegrouped(String hourSums) {
        return "INSERT INTO usage_sessions SELECT " + KEY_COLUMNS + ", SUM(input), SUM(output), SUM(cache_write_5m),"
                + " SUM(cache_write_1h), SUM(cache_read), SUM(picos), SUM(records), MIN(first_ts), MAX(last_ts)"
                + " FROM " + hourSums + " WHERE request = 1 GROUP BY 1, 2, 3, 4, 5";
    }

    private static String picos(String row) {
        return UsageHours.picos(row);
    }

    /** Adds the record {@code row} ({@code NEW.}), if it is a request, to its summary row. */
    private static String add(String row) {
        return "INSERT INTO usage_sessions SELECT c.session_id, " + LABEL + ", " + row + "cost_source, s.project_dir,"
                + " c.cwd, " + row + "input, " + row + "output, " + row + "cache_write_5m, " + row + "cache_write_1h, "
                + row + "cache_read, " + picos(row) + ", 1, " + row + "ts, " + row + "ts FROM contexts c, sources s"
                + " WHERE c.id = " + row + "context_id AND s.id = " + row + "source_id AND " + row
                + "total_tokens > 0" + MERGE + ";";
    }

    /**
     * Takes the record {@code row} ({@code OLD.}), if it was a request, out of its summary row: sums down; the first
     * (last) time, when the record was at it, recounted from the requests of the same key still inside the row's
     * span (the table holds its new state when an AFTER trigger runs); the row deleted once empty.
     */
    private static String remove(String row) {
        String key = "session_id = (SELECT session_id FROM contexts WHERE id = " + row + "context_id)"
                + " AND label = (SELECT " + LABEL + " FROM contexts c WHERE c.id = " + row + "context_id)"
                + " AND cost_source = " + row + "cost_source"
                + " AND project = (SELECT project_dir FROM sources WHERE id = " + row + "source_id)"
                + " AND cwd = (SELECT cwd FROM contexts WHERE id = " + row + "context_id)"
                + " AND " + row + "total_tokens > 0";
        String sameRow = "FROM usage_events e JOIN contexts c ON c.id = e.context_id JOIN sources s"
                + " ON s.id = e.source_id WHERE e.ts >= usage_sessions.first_ts AND e.ts <= usage_sessions.last_ts"
                + " AND e.total_tokens > 0 AND c.session_id = usage_sessions.session_id AND " + LABEL
                + " = usage_sessions.label AND e.cost_source = usage_sessions.cost_source"
                + " AND s.project_dir = usage_sessions.project AND c.cwd = usage_sessions.cwd";
        return "UPDATE usage_sessions SET " + UsageHours.subtract(row) + ","
                + " first_ts = CASE WHEN " + row + "ts > first_ts THEN first_ts"
                + " ELSE coalesce((SELECT MIN(e.ts) " + sameRow + "), first_ts) END,"
                + " last_ts = CASE WHEN " + row + "ts < last_ts THEN last_ts"
                + " ELSE coalesce((SELECT MAX(e.ts) " + sameRow + "), last_ts) END"
                + " WHERE " + key + ";"
                + " DELETE FROM usage_sessions WHERE " + key + " AND records = 0;";
    }
}
