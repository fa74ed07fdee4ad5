package dev.cctelemetry.store.query;

import dev.cctelemetry.core.query.GroupTally;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of a grouped query: records of one group key that share a machine, session, model label, cost source,
 * project folder and working directory, and are either all requests or all placeholders, summed.
 *
 * @param key the group key (a number or text, as the query's key expression gives it)
 * @param machine their machine id
 * @param session their session
 * @param label their model label
 * @param source their cost source
 * @param project their project folder
 * @param cwd their working directory
 * @param request whether they are requests (else placeholders without tokens)
 * @param tokens their tokens
 * @param picos their cost in picodollars
 * @param count how many records
 * @param first the first one's time, epoch milliseconds
 * @param last the last one's time
 */
record PartialRow(Object key, String machine, String session, String label, CostSource source, String project,
        String cwd, boolean request, TokenCounts tokens, long picos, long count, long first, long last) {

    /** Columns before the measures: key, machine, session, label, source, project, cwd, request. */
    static final int DIMENSIONS = 8;

    /**
     * What a query selects for partial rows keyed by {@code key}, up to its FROM: the key, the dimensions, the
     * measures. Grouped by the first {@link #DIMENSIONS} columns.
     */
    static String select(UsageTable table, String key) {
        return "SELECT " + key + ", " + table.machine() + ", " + table.session() + ", " + table.label() + ", "
                + table.costSource() + ", " + table.project() + ", " + table.cwd() + ", " + table.request() + ", "
                + table.measures();
    }

    /** Reads a row selected as {@link #select} selects it. */
    static PartialRow read(ResultSet rs) throws SQLException {
        return new PartialRow(rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4),
                CostSource.ofCode(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getInt(8) != 0,
                new TokenCounts(rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13)),
                rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17));
    }

    /** The key as a number (keys of calendar, hour-of-week and block queries). */
    long numericKey() {
        return ((Number) key).longValue();
    }

    /** The key as text (keys of group queries). */
    String textKey() {
        return String.valueOf(key);
    }

    /** Adds these records to {@code tally}; only for requests. */
    void addTo(GroupTally tally) {
        tally.add(session, label, source, project, cwd, tokens, picos, count, first, last);
    }
}
