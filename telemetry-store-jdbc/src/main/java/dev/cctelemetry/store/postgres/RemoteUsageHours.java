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
    private static final String COLUMNS = KEY_COLUMNS + ", input, output, cache_write_5m, cache_write_1h,"
            + " cache_read, picos, records, first_ts, last_ts";

    /** Adds summed rows to the table, creating or growing each key's row. */
    private static final String MERGE = " ON CONFLICT (" + KEY_COLUMNS + ") DO UPDATE SET"
            + " input = usage_hours.input + excluded.input, output = usage_hours.output + excluded.output,"
            + " cache_write_5m = usage_hours.cache_write_5m + excluded.cache_write_5m,"
            + " cache_write_1h = usage_hours.cache_write_1h + excluded.cache_write_1h,"
            + " cache_read = usage_hours.cache_read + excluded.cache_read,"
            + " picos = usage_hours.picos + excluded.picos, records = usage_hours.records + excluded.records,"
            + " first_ts = least(usage_hours.first_ts, excluded.first_ts),"
            + " last_ts = greatest(usage_hours.last_ts, excluded.last_ts)";

    /** The (machine, hour) pairs of the rows {@code e} of {@code from}. */
    private static String hoursOf(String from) {
        return "SELECT DISTINCT e.machine_id, " + HourSlots.hour(RemoteUsageTable.MILLIS) + " AS hour FROM " + from + " e";
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
    private static final String TAKE_OUT_OLD_ROWS = "UPDATE usage_hours h SET input = h.input - o.input,"
            + " output = h.output - o.output, cache_write_5m = h.cache_write_5m - o.cache_write_5m,"
            + " cache_write_1h = h.cache_write_1h - o.cache_write_1h, cache_read = h.cache_read - o.cache_read,"
            + " picos = h.picos - o.picos, records = h.records - o.records"
            + " FROM (" + summary("old_rows e") + ") AS o(" + COLUMNS + ") WHERE " + sameKey("o") + ";\n"
            + "UPDATE usage_hours h SET first_ts = x.first_ts, last_ts = x.last_ts FROM (" + summary(
                    "usage_events e JOIN (" + hoursOf("old_rows") + ") t ON e.machine_id = t.machine_id"
                    + " AND e.ts >= to_timestamp(t.hour * 3600) AND e.ts < to_timestamp((t.hour + 1) * 3600)")
            + ") AS x(" + COLUMNS + ") WHERE " + sameKey("x") + ";\n"
            + "DELETE FROM usage_hours h USING (" + hoursOf("old_rows") + ") t WHERE h.machine_id = t.machine_id"
            + " AND h.slot IN (t.hour * 2, t.hour * 2 + 1) AND h.records = 0;\n";

    /** Adds the rows {@code new_rows} (a transition table) to the summary. */
    private static final String ADD_NEW_ROWS = "INSERT INTO usage_hours " + summary("new_rows e") + MERGE + ";\n";

    private static String sameKey(String other) {
        StringBuilder sql = new StringBuilder();
        for (String column : KEY_COLUMNS.split(", ")) {
            sql.append(sql.isEmpty() ? "" : " AND ").append("h.").append(column).append(" = ").append(other)
                    .append('.').append(column);
        }
        return sql.toString();
    }

    private static String function(String name, String body) {
        return "CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT"
                + " AS $$\nBEGIN\n" + body + "RETURN NULL;\nEND\n$$";
    }

    /**
     * The statements of migration 3: the table and its index on time, the triggers (before the fill: creating them
     * locks out writers until the migration commits), then the summary of what is already stored.
     */
    static List<String> migration() {
        return List.of(
                """
                CREATE TABLE usage_hours (
                    machine_id text NOT NULL,
                    session_id text NOT NULL,
                    slot bigint NOT NULL,
                    label text NOT NULL,
                    project_dir text NOT NULL,
                    cwd text NOT NULL,
                    cost_source text NOT NULL,
                    request integer NOT NULL,
                    input bigint NOT NULL,
                    output bigint NOT NULL,
                    cache_write_5m bigint NOT NULL,
                    cache_write_1h bigint NOT NULL,
                    cache_read bigint NOT NULL,
                    picos bigint NOT NULL,
                    records bigint NOT NULL,
                    first_ts bigint NOT NULL,
                    last_ts bigint NOT NULL,
                    PRIMARY KEY (""" + KEY_COLUMNS + "))",
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
}
