package dev.cctelemetry.store.postgres;

import dev.cctelemetry.store.query.HourSlots;
import java.util.List;

/**
 * The shared store's summary table {@code usage_hours} (remote schema version 3): every machine's records pre-summed
 * per machine, session, hour slot ({@link HourSlots}), model label, project folder, working directory, cost source,
 * and request or placeholder, with their first and last time in epoch milliseconds; the remote counterpart of the
 * ledger's summary, with the machine in the key. The dashboard, {@code report --remote}, the MCP server and
 * {@code /metrics --remote} read it instead of the records whenever that is exact
 * ({@link dev.cctelemetry.store.query.SqlAggregates}).
 *
 * <p>Kept exact in the transaction that changes the records, whoever writes them (a push of any version of this
 * code, an administrator's SQL), by statement-level triggers with transition tables: one per statement, not one
 * per row, so a push of 200k records adds one grouped statement. Inserted rows are summed and added to their
 * summary rows. A push's upsert may replace a stored row by a better copy (another slot, tokens, model, machine):
 * the old copy's sums are subtracted and the new one's added; the first and last times of the rows it left, which
 * cannot be taken back by subtraction, are read again from the records of that machine and hour. A repeated push
 * updates nothing, so it rewrites no summary row. Different machines never share a summary row, so concurrent
 * pushes from two machines do not wait for each other on it.
 */
final class RemoteUsageHours {

    private static final String KEY_COLUMNS = "machine_id, session_id, slot, label, project_dir, cwd, cost_source,"
            + " request";

    /** Session sums' key: whole sessions, requests only. */
    private static final String SESSION_KEY = "machine_id, session_id, label, project_dir, cwd, cost_source";
    private static final String SUMS = "input, output, cache_write_5m, cache_write_1h, cache_read, picos, records";
    private static final String COLUMNS = KEY_COLUMNS + ", " + SUMS + ", first_ts, last_ts";
    private static final String SESSION_COLUMNS = SESSION_KEY + ", " + SUMS + ", first_ts, last_ts";

    /** Adds summed rows to {@code table}, creating or growing each key's row. */
    private static String merge(String table, String key) {
        StringBuilder sql = new StringBuilder(" ON CONFLICT (" + key + ") DO UPDATE SET ");
        for (String c : SUMS.split(", ")) {
            sql.append(c).append(" = ").append(table).append('.').append(c).append(" + excluded.").append(c)
                    .append(", ");
        }
        return sql.append("first_ts = least(").append(table).append(".first_ts, excluded.first_ts),")
                .append(" last_ts = greatest(").append(table).append(".last_ts, excluded.last_ts)").toString();
    }

    /** Subtracts the sums {@code sums} (a query of {@code columns}) from {@code table}'s rows of the same key. */
    private static String subtract(String table, String key, String columns, String sums) {
        StringBuilder sql = new StringBuilder("UPDATE " + table + " h SET ");
        for (String c : SUMS.split(", ")) {
            sql.append(c.equals("input") ? "" : ", ").append(c).append(" = h.").append(c).append(" - o.").append(c);
        }
        return sql.append(" FROM (").append(sums).append(") AS o(").append(columns).append(") WHERE ")
                .append(sameKey(key, "o")).append(";\n").toString();
    }

    /** The (machine, hour) pairs of the rows {@code e} of {@code from}. */
    private static String hoursOf(String from) {
        return "SELECT DISTINCT e.machine_id, " + HourSlots.hour(RemoteUsageTable.MILLIS) + " AS hour FROM " + from
                + " e";
    }

    private RemoteUsageHours() {
    }

    /**
     * The summary of the records {@code e} that {@code from} selects (a table, or a join naming the records
     * {@code e}), as {@link RemoteUsageTable#records()} aggregates them: the same label, request and measure
     * expressions, so summed rows equal the records' sums.
     */
    static String summary(String from) {
        RemoteUsageTable r = RemoteUsageTable.records();
        return "SELECT " + r.machine() + ", " + r.session() + ", " + HourSlots.of(r.millis()) + ", " + r.label() + ", "
                + r.project() + ", " + r.cwd() + ", " + r.costSource() + ", " + r.request() + ", " + r.measures()
                + " FROM " + from + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8";
    }

    /**
     * Takes the rows {@code old_rows} (a transition table) out of the summary: their sums subtracted from their
     * summary rows; those rows' first and last times, which cannot be taken back by subtraction, read again from the
     * records of their machine and hour as they now are (through the index on machine and time); emptied rows
     * deleted. Sums move by differences and times are recounted, so the result does not depend on whether the
     * statement's insert trigger (an upsert fires both) has added its rows yet.
     */
    private static final String TAKE_OUT_OLD_ROWS = subtract("usage_hours", KEY_COLUMNS, COLUMNS,
            summary("old_rows e"))
            + "UPDATE usage_hours h SET first_ts = x.first_ts, last_ts = x.last_ts FROM (" + summary(
                    "usage_events e JOIN (" + hoursOf("old_rows") + ") t ON e.machine_id = t.machine_id"
                    + " AND e.ts >= to_timestamp(t.hour * 3600) AND e.ts < to_timestamp((t.hour + 1) * 3600)")
            + ") AS x(" + COLUMNS + ") WHERE " + sameKey(KEY_COLUMNS, "x") + ";\n"
            + "DELETE FROM usage_hours h USING (" + hoursOf("old_rows") + ") t WHERE h.machine_id = t.machine_id"
            + " AND h.slot IN (t.hour * 2, t.hour * 2 + 1) AND h.records = 0;\n";

    /** Adds the rows {@code new_rows} (a transition table) to the summary. */
    private static final String ADD_NEW_ROWS = "INSERT INTO usage_hours " + summary("new_rows e")
            + merge("usage_hours", KEY_COLUMNS) + ";\n";

    /**
     * Takes the rows {@code old_rows} out of the session sums: their requests' sums subtracted; the first and last
     * times of their sessions' rows read again from the hour summary (already moved, through its key's machine and
     * session), emptied rows deleted. Runs after the hour summary's own statements.
     */
    private static final String TAKE_OUT_OLD_SESSIONS = subtract("usage_sessions", SESSION_KEY, SESSION_COLUMNS,
            sessionSummary("old_rows e"))
            + "UPDATE usage_sessions h SET first_ts = x.first_ts, last_ts = x.last_ts FROM (SELECT " + SESSION_KEY
            + ", MIN(first_ts) AS first_ts, MAX(last_ts) AS last_ts FROM usage_hours WHERE request = 1"
            + " AND (machine_id, session_id) IN (SELECT machine_id, session_id FROM old_rows) GROUP BY " + SESSION_KEY
            + ") x WHERE " + sameKey(SESSION_KEY, "x") + ";\n"
            + "DELETE FROM usage_sessions h WHERE h.records = 0"
            + " AND (h.machine_id, h.session_id) IN (SELECT machine_id, session_id FROM old_rows);\n";

    /** Adds the requests of {@code new_rows} to the session sums. */
    private static final String ADD_NEW_SESSIONS = "INSERT INTO usage_sessions " + sessionSummary("new_rows e")
            + merge("usage_sessions", SESSION_KEY) + ";\n";

    /**
     * The requests' sums per machine, session, model label, project folder, working directory and cost source of
     * the records {@code e} that {@code from} selects.
     */
    static String sessionSummary(String from) {
        RemoteUsageTable r = RemoteUsageTable.records();
        return "SELECT " + r.machine() + ", " + r.session() + ", " + r.label() + ", " + r.project() + ", " + r.cwd()
                + ", " + r.costSource() + ", " + r.measures() + " FROM " + from + " WHERE " + r.request() + " = 1"
                + " GROUP BY 1, 2, 3, 4, 5, 6";
    }

    private static String sameKey(String key, String other) {
        StringBuilder sql = new StringBuilder();
        for (String column : key.split(", ")) {
            sql.append(sql.isEmpty() ? "" : " AND ").append("h.").append(column).append(" = ").append(other)
                    .append('.').append(column);
        }
        return sql.toString();
    }

    /**
     * A summary table: its key columns ({@code name type}, each NOT NULL), then the sums and first and last time
     * (bigint NOT NULL each), keyed by {@code key}.
     */
    private static String createTable(String name, String keyColumns, String key) {
        StringBuilder sql = new StringBuilder("CREATE TABLE " + name + " (");
        for (String column : keyColumns.split(", ")) {
            sql.append(column).append(" NOT NULL, ");
        }
        for (String column : (SUMS + ", first_ts, last_ts").split(", ")) {
            sql.append(column).append(" bigint NOT NULL, ");
        }
        return sql.append("PRIMARY KEY (").append(key).append("))").toString();
    }

    private static String function(String name, String body) {
        return "CREATE OR REPLACE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT"
                + " AS $$\nBEGIN\n" + body + "RETURN NULL;\nEND\n$$";
    }

    /**
     * The statements of migration 3: the table and its index on time, the triggers (before the fill: creating them
     * locks out writers until the migration commits), then the summary of what is already stored.
     */
    static List<String> migration() {
        return List.of(
                createTable("usage_hours", "machine_id text, session_id text, slot bigint, label text,"
                        + " project_dir text, cwd text, cost_source text, request integer", KEY_COLUMNS),
                "CREATE INDEX usage_hours_first ON usage_hours (first_ts)",
                // One session's rows: the dashboard's session page, the span its requests are read from.
                "CREATE INDEX usage_hours_session ON usage_hours (session_id)",
                function("usage_hours_add", ADD_NEW_ROWS),
                function("usage_hours_replace", TAKE_OUT_OLD_ROWS + ADD_NEW_ROWS),
                function("usage_hours_take_out", TAKE_OUT_OLD_ROWS),
                function("usage_hours_clear", "TRUNCATE usage_hours;\n"),
                "CREATE TRIGGER usage_hours_insert AFTER INSERT ON usage_events REFERENCING NEW TABLE AS new_rows"
                        + " FOR EACH STATEMENT EXECUTE FUNCTION usage_hours_add()",
                "CREATE TRIGGER usage_hours_update AFTER UPDATE ON usage_events REFERENCING OLD TABLE AS old_rows"
                        + " NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_hours_replace()",
                "CREATE TRIGGER usage_hours_delete AFTER DELETE ON usage_events REFERENCING OLD TABLE AS old_rows"
                        + " FOR EACH STATEMENT EXECUTE FUNCTION usage_hours_take_out()",
                "CREATE TRIGGER usage_hours_truncate AFTER TRUNCATE ON usage_events"
                        + " FOR EACH STATEMENT EXECUTE FUNCTION usage_hours_clear()",
                "INSERT INTO usage_hours " + summary("usage_events e"),
                "ANALYZE usage_hours");
    }

    /**
     * The statements of migration 4: {@code usage_sessions}, the requests summed per machine, session, model label,
     * project folder, working directory and cost source (what the sessions list reads: about one row per session
     * and model instead of one per session and hour), kept by the same triggers, whose functions now move both
     * tables; filled from the hour summary.
     */
    static List<String> sessionsMigration() {
        return List.of(
                createTable("usage_sessions", "machine_id text, session_id text, label text, project_dir text,"
                        + " cwd text, cost_source text", SESSION_KEY),
                function("usage_hours_add", ADD_NEW_ROWS + ADD_NEW_SESSIONS),
                function("usage_hours_replace", TAKE_OUT_OLD_ROWS + ADD_NEW_ROWS + TAKE_OUT_OLD_SESSIONS
                        + ADD_NEW_SESSIONS),
                function("usage_hours_take_out", TAKE_OUT_OLD_ROWS + TAKE_OUT_OLD_SESSIONS),
                function("usage_hours_clear", "TRUNCATE usage_hours, usage_sessions;\n"),
                "INSERT INTO usage_sessions SELECT " + SESSION_KEY + ", SUM(input), SUM(output), SUM(cache_write_5m),"
                        + " SUM(cache_write_1h), SUM(cache_read), SUM(picos), SUM(records), MIN(first_ts),"
                        + " MAX(last_ts) FROM usage_hours WHERE request = 1 GROUP BY " + SESSION_KEY,
                "ANALYZE usage_sessions");
    }
}
