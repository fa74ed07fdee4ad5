package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.store.query.HourSlots;
import java.util.List;

/**
 * The ledger's session-free summary {@code usage_slots} (schema version 10): the records summed per model label, cost
 * source, request or placeholder, and hour slot ({@link HourSlots}), with their first and last time. Totals, periods,
 * models, the heatmap and blocks read it whenever they neither filter nor group by project or session: on the
 * generated year of a million records it has 42,463 rows where {@code usage_hours} has 74,572, and its key starts
 * with the label and cost source, so the sums of a whole history come out in key order without the sort that
 * grouping {@code usage_hours} needs (what made those answers grow with the ledger).
 *
 * <p>Derived from {@link UsageHours} by triggers on it, so every write that keeps the hour summary (the commit's
 * grouped upsert, the record triggers, deletions by any code) keeps this one in the same statement: sums move by the
 * hour row's change; a slot's first and last time move with it, and are read again from the slot's records (through
 * the index on time) only when the hour row that held them shrank or went. {@code usage_hours} keys are never
 * updated (its rows only grow, shrink or go): a statement that tried would be refused.
 */
final class UsageSlots {

    private static final String KEY = "label, cost_source, request, slot";

    private static final String MEASURES = "input, output, cache_write_5m, cache_write_1h, cache_read, picos, records";

    /** The summary of every stored record, computed afresh from the records: what the table holds at every commit. */
    static final String SUMMARY = "SELECT " + UsageHours.LABEL + ", e.cost_source, e.total_tokens > 0, "
            + HourSlots.of("e.ts") + ", SUM(e.input), SUM(e.output), SUM(e.cache_write_5m), SUM(e.cache_write_1h),"
            + " SUM(e.cache_read), SUM(" + UsageHours.picos("e.") + "), COUNT(*), MIN(e.ts), MAX(e.ts)"
            + " FROM usage_events e JOIN contexts c ON c.id = e.context_id GROUP BY 1, 2, 3, 4";

    private UsageSlots() {
    }

    /**
     * The statements of migration 10: the table, filled from the hour summary, and the triggers that keep it. They may
     * run again over their own result and leave the same.
     */
    static List<String> migration() {
        return List.of(
                """
                CREATE TABLE IF NOT EXISTS usage_slots (
                  label           TEXT    NOT NULL,
                  cost_source     TEXT    NOT NULL,
                  request         INTEGER NOT NULL,
                  slot            INTEGER NOT NULL,
                """ + UsageHours.MEASURE_COLUMNS + "  PRIMARY KEY (" + KEY + ")) WITHOUT ROWID",
                "DROP TRIGGER IF EXISTS usage_slots_insert",
                "DROP TRIGGER IF EXISTS usage_slots_update",
                "DROP TRIGGER IF EXISTS usage_slots_delete",
                "DROP TRIGGER IF EXISTS usage_slots_key",
                "DELETE FROM usage_slots",
                "INSERT INTO usage_slots SELECT " + KEY + ", SUM(input), SUM(output), SUM(cache_write_5m),"
                        + " SUM(cache_write_1h), SUM(cache_read), SUM(picos), SUM(records), MIN(first_ts),"
                        + " MAX(last_ts) FROM usage_hours GROUP BY 1, 2, 3, 4",
                "CREATE TRIGGER usage_slots_insert AFTER INSERT ON usage_hours BEGIN INSERT INTO usage_slots VALUES ("
                        + "NEW.label, NEW.cost_source, NEW.request, NEW.slot, NEW.input, NEW.output,"
                        + " NEW.cache_write_5m, NEW.cache_write_1h, NEW.cache_read, NEW.picos, NEW.records,"
                        + " NEW.first_ts, NEW.last_ts) ON CONFLICT (" + KEY + ") DO UPDATE SET "
                        + sums("excluded.", "") + ", first_ts = min(first_ts, excluded.first_ts),"
                        + " last_ts = max(last_ts, excluded.last_ts); END",
                // A slot's first time stays unless the hour row that held it moved later (then it is read again);
                // a row's earlier first time becomes the slot's. The same, mirrored, for the last time.
                "CREATE TRIGGER usage_slots_update AFTER UPDATE OF " + MEASURES + ", first_ts, last_ts ON usage_hours"
                        + " BEGIN UPDATE usage_slots SET " + sums("NEW.", "OLD.") + ","
                        + " first_ts = CASE WHEN NEW.first_ts <= first_ts THEN NEW.first_ts"
                        + " WHEN OLD.first_ts > first_ts THEN first_ts ELSE coalesce(" + recount("MIN") + ", first_ts)"
                        + " END, last_ts = CASE WHEN NEW.last_ts >= last_ts THEN NEW.last_ts"
                        + " WHEN OLD.last_ts < last_ts THEN last_ts ELSE coalesce(" + recount("MAX") + ", last_ts) END"
                        + " WHERE " + keyOf("NEW.") + "; END",
                "CREATE TRIGGER usage_slots_delete AFTER DELETE ON usage_hours BEGIN UPDATE usage_slots SET "
                        + sums("", "OLD.") + ","
                        + " first_ts = CASE WHEN OLD.first_ts > first_ts THEN first_ts"
                        + " ELSE coalesce(" + recount("MIN") + ", first_ts) END,"
                        + " last_ts = CASE WHEN OLD.last_ts < last_ts THEN last_ts"
                        + " ELSE coalesce(" + recount("MAX") + ", last_ts) END WHERE " + keyOf("OLD.") + ";"
                        + " DELETE FROM usage_slots WHERE " + keyOf("OLD.") + " AND records = 0; END",
                "CREATE TRIGGER usage_slots_key BEFORE UPDATE OF session_id, slot, label, project, cwd, cost_source,"
                        + " request ON usage_hours BEGIN SELECT RAISE(ABORT, 'usage_hours keys are never updated');"
                        + " END");
    }

    /** Each measure moved by {@code plus} and {@code minus} (row prefixes, or "" for none). */
    private static String sums(String plus, String minus) {
        StringBuilder sql = new StringBuilder();
        for (String m : MEASURES.split(", ")) {
            sql.append(sql.isEmpty() ? "" : ", ").append(m).append(" = ").append(m);
            if (!plus.isEmpty()) {
                sql.append(" + ").append(plus).append(m);
            }
            if (!minus.isEmpty()) {
                sql.append(" - ").append(minus).append(m);
            }
        }
        return sql.toString();
    }

    private static String keyOf(String row) {
        return "label = " + row + "label AND cost_source = " + row + "cost_source AND request = " + row + "request"
                + " AND slot = " + row + "slot";
    }

    /** {@code MIN} or {@code MAX} of the times of the records of the updated slot row, as stored now. */
    private static String recount(String aggregate) {
        String start = HourSlots.slotHourStart("usage_slots.slot");
        return "(SELECT " + aggregate + "(e.ts) FROM usage_events e JOIN contexts c ON c.id = e.context_id"
                + " WHERE e.ts >= " + start + " AND e.ts < " + start + " + " + HourSlots.HOUR + " AND "
                + HourSlots.of("e.ts") + " = usage_slots.slot AND " + UsageHours.LABEL + " = usage_slots.label"
                + " AND e.cost_source = usage_slots.cost_source AND (e.total_tokens > 0) = usage_slots.request)";
    }
}
