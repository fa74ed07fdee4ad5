package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.store.query.HourSlots;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The ledger's summary table {@code usage_hours} (schema version 8): records pre-summed per session, hour slot
 * ({@link HourSlots}), model label, project folder, working directory, cost source, and request or placeholder,
 * with their first and last time. It holds the text itself (no joins when read) and nothing a report does not show
 * (agent, Claude Code version, source file), so it has about one row per 13 records where version 7's quarter-hour
 * summary, keyed by context and source, had one per 3.
 *
 * <p>Kept in the same transaction as the records, never stale. The ledger's commit adds the records it inserts with
 * one grouped upsert ({@link #ADD_INSERTED}, from the commit's {@link InsertedSums}) instead of a trigger per row,
 * which made a first sync's writes 1.5x slower. Triggers still follow the rare changes of stored rows (a winning
 * copy replacing one, a cost-state spread, a deletion by any code): sums move by the row's values; a row's first
 * and last time, which cannot be taken back by subtraction, are read again from the records of its slot (through
 * the index on time); an emptied row is deleted. The session comes first in the key, so one session's rows are
 * found at once (the status line).
 */
final class UsageHours {

    private static final String KEY_COLUMNS = "session_id, slot, label, project, cwd, cost_source, request";

    /** A context's model label, as reports show it: {@code <model>-fast} for fast mode. */
    static final String LABEL = "CASE WHEN c.speed = 'fast' THEN c.model || '-fast' ELSE c.model END";

    /**
     * The records {@code e}'s sums in the order of {@link #MEASURE_COLUMNS}, and what they are selected from (with
     * their context {@code c} and source {@code s}), before WHERE; shared with {@link UsageSessions}.
     */
    static final String SUMS_FROM = "SUM(e.input), SUM(e.output), SUM(e.cache_write_5m), SUM(e.cache_write_1h),"
            + " SUM(e.cache_read), SUM(" + picos("e.") + "), COUNT(*), MIN(e.ts), MAX(e.ts)"
            + " FROM usage_events e JOIN contexts c ON c.id = e.context_id JOIN sources s ON s.id = e.source_id";

    /** The summary of the records {@code e} (with their context {@code c} and source {@code s}), before WHERE. */
    private static final String SELECT_SUMMARY = "SELECT c.session_id, " + HourSlots.of("e.ts") + ", " + LABEL
            + ", s.project_dir, c.cwd, e.cost_source, e.total_tokens > 0, " + SUMS_FROM;

    private static final String GROUP = " GROUP BY 1, 2, 3, 4, 5, 6, 7";

    /** The summary of every stored record, computed afresh: what the table holds at every commit. */
    static final String SUMMARY = SELECT_SUMMARY + GROUP;

    /** The summed columns after the key, shared with {@link UsageSessions}. */
    static final String MEASURE_COLUMNS = """
                  input           INTEGER NOT NULL,
                  output          INTEGER NOT NULL,
                  cache_write_5m  INTEGER NOT NULL,
                  cache_write_1h  INTEGER NOT NULL,
                  cache_read      INTEGER NOT NULL,
                  picos           INTEGER NOT NULL,
                  records         INTEGER NOT NULL,
                  first_ts        INTEGER NOT NULL,
                  last_ts         INTEGER NOT NULL,
            """;

    private static final String MERGE = merge(KEY_COLUMNS);

    /**
     * The summary of the records above a rowid (the one parameter): what a commit inserted. Summed first per
     * context, source, cost source, slot and request (integers and one short text: no join, no sort of every
     * record's text), then joined to their text and summed per key: 45-59 ms instead of 66-96 ms of CPU for the
     * 47,296 records of the 200 MiB tree (sqlite3 shell), the same rows.
     */
    static final String SUMMARY_ABOVE_ROWID = "SELECT c.session_id, g.slot, " + LABEL + ", s.project_dir, c.cwd,"
            + " g.cost_source, g.request, SUM(g.input), SUM(g.output), SUM(g.cache_write_5m), SUM(g.cache_write_1h),"
            + " SUM(g.cache_read), SUM(g.picos), SUM(g.records), MIN(g.first_ts), MAX(g.last_ts)"
            + " FROM (SELECT e.context_id, e.source_id, e.cost_source, " + HourSlots.of("e.ts") + " AS slot,"
            + " e.total_tokens > 0 AS request, SUM(e.input) AS input, SUM(e.output) AS output,"
            + " SUM(e.cache_write_5m) AS cache_write_5m, SUM(e.cache_write_1h) AS cache_write_1h,"
            + " SUM(e.cache_read) AS cache_read, SUM(" + picos("e.") + ") AS picos, COUNT(*) AS records,"
            + " MIN(e.ts) AS first_ts, MAX(e.ts) AS last_ts FROM usage_events e WHERE e.rowid > ?"
            + " GROUP BY 1, 2, 3, 4, 5) g"
            + " JOIN contexts c ON c.id = g.context_id JOIN sources s ON s.id = g.source_id WHERE true" + GROUP;

    /** Adds the sums of the records a commit inserted ({@link InsertedSums}), one row per key already. */
    static final String ADD_INSERTED = "INSERT INTO usage_hours SELECT * FROM " + InsertedSums.TABLE + " WHERE true"
            + MERGE;

    private UsageHours() {
    }

    /**
     * The statements of migration 8: version 7's quarter-hour summary, its triggers gone; the table, the summary of
     * what is stored, the triggers for updates and deletions. They may run again over their own result (a ledger
     * whose version was set back) and leave the same.
     */
    static List<String> migration() {
        return List.of(
                "DROP TRIGGER IF EXISTS usage_quarters_insert",
                "DROP TRIGGER IF EXISTS usage_quarters_delete",
                "DROP TRIGGER IF EXISTS usage_quarters_update",
                "DROP TABLE IF EXISTS usage_quarters",
                """
                CREATE TABLE IF NOT EXISTS usage_hours (
                  session_id      TEXT    NOT NULL,
                  slot            INTEGER NOT NULL,
                  label           TEXT    NOT NULL,
                  project         TEXT    NOT NULL,
                  cwd             TEXT    NOT NULL,
                  cost_source     TEXT    NOT NULL,
                  request         INTEGER NOT NULL,
                """ + MEASURE_COLUMNS + "  PRIMARY KEY (" + KEY_COLUMNS + ")) WITHOUT ROWID",
                // For the triggers' first/last recount, the records' time range and reads at unaligned bounds.
                "CREATE INDEX IF NOT EXISTS usage_events_ts ON usage_events(ts)",
                "DROP TRIGGER IF EXISTS usage_hours_delete",
                "DROP TRIGGER IF EXISTS usage_hours_update",
                "DELETE FROM usage_hours",
                "INSERT INTO usage_hours " + SUMMARY,
                "CREATE TRIGGER usage_hours_delete AFTER DELETE ON usage_events BEGIN " + remove("OLD.") + " END",
                "CREATE TRIGGER usage_hours_update AFTER UPDATE OF ts, context_id, source_id, cost_source,"
                        + " input, output, cache_write_5m, cache_write_1h, cache_read, total_tokens, cost_usd"
                        + " ON usage_events BEGIN " + remove("OLD.") + " " + add("NEW.") + " END");
    }

    /** The highest rowid of {@code usage_events} (0 when empty): rows inserted next are above it. */
    static long lastRowid(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(MAX(rowid), 0) FROM usage_events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Adds summed rows to a summary table keyed by {@code keyColumns}, creating or growing each key's row: the
     * {@code ON CONFLICT} clause of an {@code INSERT ... SELECT} of the key and {@link #MEASURE_COLUMNS}.
     */
    static String merge(String keyColumns) {
        return " ON CONFLICT (" + keyColumns + ") DO UPDATE SET"
                + " input = input + excluded.input, output = output + excluded.output,"
                + " cache_write_5m = cache_write_5m + excluded.cache_write_5m,"
                + " cache_write_1h = cache_write_1h + excluded.cache_write_1h,"
                + " cache_read = cache_read + excluded.cache_read, picos = picos + excluded.picos,"
                + " records = records + excluded.records, first_ts = min(first_ts, excluded.first_ts),"
                + " last_ts = max(last_ts, excluded.last_ts)";
    }

    /** The assignments that take the record {@code row}'s sums and count out of a summary row. */
    static String subtract(String row) {
        return "input = input - " + row + "input, output = output - " + row + "output,"
                + " cache_write_5m = cache_write_5m - " + row + "cache_write_5m,"
                + " cache_write_1h = cache_write_1h - " + row + "cache_write_1h,"
                + " cache_read = cache_read - " + row + "cache_read, picos = picos - " + picos(row) + ","
                + " records = records - 1";
    }

    /** A record's cost in picodollars, rounded as {@link dev.cctelemetry.core.query.Picodollars#of} rounds. */
    static String picos(String row) {
        return "CAST(round(" + row + "cost_usd * 1e12) AS INTEGER)";
    }

    /** Adds the record {@code row} ({@code NEW.}) to its summary row, creating it when needed. */
    private static String add(String row) {
        return "INSERT INTO usage_hours SELECT c.session_id, " + HourSlots.of(row + "ts") + ", " + LABEL
                + ", s.project_dir, c.cwd, " + row + "cost_source, " + row + "total_tokens > 0, " + row + "input, "
                + row + "output, " + row + "cache_write_5m, " + row + "cache_write_1h, " + row + "cache_read, "
                + picos(row) + ", 1, " + row + "ts, " + row + "ts FROM contexts c, sources s WHERE c.id = " + row
                + "context_id AND s.id = " + row + "source_id" + MERGE + ";";
    }

    /**
     * Takes the record {@code row} ({@code OLD.}) out of its summary row: sums down, first and last recounted from
     * the records still in the slot (the table holds its new state when an AFTER trigger runs), the row deleted
     * once empty.
     */
    private static String remove(String row) {
        String key = "session_id = (SELECT session_id FROM contexts WHERE id = " + row + "context_id)"
                + " AND slot = " + HourSlots.of(row + "ts")
                + " AND label = (SELECT " + LABEL + " FROM contexts c WHERE c.id = " + row + "context_id)"
                + " AND project = (SELECT project_dir FROM sources WHERE id = " + row + "source_id)"
                + " AND cwd = (SELECT cwd FROM contexts WHERE id = " + row + "context_id)"
                + " AND cost_source = " + row + "cost_source AND request = (" + row + "total_tokens > 0)";
        String sameRow = "FROM usage_events e JOIN contexts c ON c.id = e.context_id JOIN sources s"
                + " ON s.id = e.source_id WHERE e.ts >= " + HourSlots.hourStart(row + "ts") + " AND e.ts < "
                + HourSlots.hourStart(row + "ts") + " + " + HourSlots.HOUR + " AND " + HourSlots.of("e.ts")
                + " = usage_hours.slot AND c.session_id = usage_hours.session_id AND " + LABEL
                + " = usage_hours.label AND s.project_dir = usage_hours.project AND c.cwd = usage_hours.cwd"
                + " AND e.cost_source = usage_hours.cost_source AND (e.total_tokens > 0) = usage_hours.request";
        return "UPDATE usage_hours SET " + subtract(row) + ","
                + " first_ts = coalesce((SELECT MIN(e.ts) " + sameRow + "), first_ts),"
                + " last_ts = coalesce((SELECT MAX(e.ts) " + sameRow + "), last_ts)"
                + " WHERE " + key + ";"
                + " DELETE FROM usage_hours WHERE " + key + " AND records = 0;";
    }
}
