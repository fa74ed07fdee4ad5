package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.store.query.QuarterSlots;
import java.util.List;

/**
 * The ledger's summary table {@code usage_quarters} (schema version 7): records pre-summed per quarter-hour slot
 * ({@link QuarterSlots}), context (session, model, working directory …), source (project folder), cost source,
 * and request or placeholder, with their first and last time. Reports read it instead of every record, so they
 * take about as long over years of history as over a month.
 *
 * <p>Triggers on {@code usage_events} keep it: every insert, replacement, cost-state spread or deletion changes
 * the summary in the same statement, hence the same transaction, whatever code writes the records; it is never
 * stale. Sums move by the row's values; a row's first and last time, which cannot be taken back by subtraction,
 * are read again from the records of its slot (found through the index on time). A summary row whose records are
 * all gone is deleted.
 */
final class UsageQuarters {

    private static final String KEY_COLUMNS = "slot, context_id, source_id, cost_source, request";

    /** The summary of every stored record, computed afresh: what the table holds at every commit. */
    static final String SUMMARY = "SELECT " + QuarterSlots.of("ts") + ", context_id, source_id, cost_source,"
            + " total_tokens > 0, SUM(input), SUM(output), SUM(cache_write_5m), SUM(cache_write_1h), SUM(cache_read),"
            + " SUM(" + picos("") + "), COUNT(*), MIN(ts), MAX(ts) FROM usage_events GROUP BY 1, 2, 3, 4, 5";

    private UsageQuarters() {
    }

    /**
     * The statements of migration 7: the table, the index on time, the summary of what is stored, triggers. They
     * may run again over their own result (a ledger whose version was set back) and leave the same.
     */
    static List<String> migration() {
        return List.of(
                """
                CREATE TABLE IF NOT EXISTS usage_quarters (
                  slot            INTEGER NOT NULL,
                  context_id      INTEGER NOT NULL,
                  source_id       INTEGER NOT NULL,
                  cost_source     TEXT    NOT NULL,
                  request         INTEGER NOT NULL,
                  input           INTEGER NOT NULL,
                  output          INTEGER NOT NULL,
                  cache_write_5m  INTEGER NOT NULL,
                  cache_write_1h  INTEGER NOT NULL,
                  cache_read      INTEGER NOT NULL,
                  picos           INTEGER NOT NULL,
                  records         INTEGER NOT NULL,
                  first_ts        INTEGER NOT NULL,
                  last_ts         INTEGER NOT NULL,
                  PRIMARY KEY (""" + KEY_COLUMNS + ")) WITHOUT ROWID",
                // For the triggers' first/last recount, the time-range reads at unaligned bounds and MIN/MAX.
                "CREATE INDEX IF NOT EXISTS usage_events_ts ON usage_events(ts)",
                "DROP TRIGGER IF EXISTS usage_quarters_insert",
                "DROP TRIGGER IF EXISTS usage_quarters_delete",
                "DROP TRIGGER IF EXISTS usage_quarters_update",
                "DELETE FROM usage_quarters",
                "INSERT INTO usage_quarters " + SUMMARY,
                "CREATE TRIGGER usage_quarters_insert AFTER INSERT ON usage_events BEGIN " + add("NEW.") + " END",
                "CREATE TRIGGER usage_quarters_delete AFTER DELETE ON usage_events BEGIN " + remove("OLD.") + " END",
                "CREATE TRIGGER usage_quarters_update AFTER UPDATE OF ts, context_id, source_id, cost_source,"
                        + " input, output, cache_write_5m, cache_write_1h, cache_read, total_tokens, cost_usd"
                        + " ON usage_events BEGIN " + remove("OLD.") + " " + add("NEW.") + " END");
    }

    /** A record's cost in picodollars, rounded as {@link dev.cctelemetry.core.query.Picodollars#of} rounds. */
    private static String picos(String row) {
        return "CAST(round(" + row + "cost_usd * 1e12) AS INTEGER)";
    }

    /** The summary key of the record {@code row} ({@code NEW.} or {@code OLD.}), as a WHERE condition. */
    private static String keyOf(String row) {
        return "slot = " + QuarterSlots.of(row + "ts") + " AND context_id = " + row + "context_id AND source_id = "
                + row + "source_id AND cost_source = " + row + "cost_source AND request = (" + row
                + "total_tokens > 0)";
    }

    /** Adds the record {@code row} to its summary row, creating it when needed. */
    private static String add(String row) {
        return "INSERT INTO usage_quarters VALUES (" + QuarterSlots.of(row + "ts") + ", " + row + "context_id, "
                + row + "source_id, " + row + "cost_source, " + row + "total_tokens > 0, " + row + "input, " + row
                + "output, " + row + "cache_write_5m, " + row + "cache_write_1h, " + row + "cache_read, "
                + picos(row) + ", 1, " + row + "ts, " + row + "ts) ON CONFLICT (" + KEY_COLUMNS + ") DO UPDATE SET"
                + " input = input + excluded.input, output = output + excluded.output,"
                + " cache_write_5m = cache_write_5m + excluded.cache_write_5m,"
                + " cache_write_1h = cache_write_1h + excluded.cache_write_1h,"
                + " cache_read = cache_read + excluded.cache_read, picos = picos + excluded.picos,"
                + " records = records + 1, first_ts = min(first_ts, excluded.first_ts),"
                + " last_ts = max(last_ts, excluded.last_ts);";
    }

    /**
     * Takes the record {@code row} out of its summary row: sums down, first and last recounted from the records
     * still in the slot (the table holds its new state when an AFTER trigger runs), the row deleted once empty.
     */
    private static String remove(String row) {
        String sameSlot = "FROM usage_events WHERE ts >= " + QuarterSlots.quarterStart(row + "ts") + " AND ts < "
                + QuarterSlots.quarterStart(row + "ts") + " + " + QuarterSlots.QUARTER + " AND "
                + QuarterSlots.of("ts") + " = " + QuarterSlots.of(row + "ts") + " AND context_id = " + row
                + "context_id AND source_id = " + row + "source_id AND cost_source = " + row + "cost_source AND"
                + " (total_tokens > 0) = (" + row + "total_tokens > 0)";
        return "UPDATE usage_quarters SET input = input - " + row + "input, output = output - " + row + "output,"
                + " cache_write_5m = cache_write_5m - " + row + "cache_write_5m,"
                + " cache_write_1h = cache_write_1h - " + row + "cache_write_1h,"
                + " cache_read = cache_read - " + row + "cache_read, picos = picos - " + picos(row) + ","
                + " records = records - 1,"
                + " first_ts = coalesce((SELECT MIN(ts) " + sameSlot + "), first_ts),"
                + " last_ts = coalesce((SELECT MAX(ts) " + sameSlot + "), last_ts)"
                + " WHERE " + keyOf(row) + ";"
                + " DELETE FROM usage_quarters WHERE " + keyOf(row) + " AND records = 0;";
    }
}
