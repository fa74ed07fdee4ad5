package dev.cctelemetry.store.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;

/**
 * How one store shows its usage records to the aggregate queries: SQL expressions over its tables, per record
 * (or per pre-summed row of records). Expressions must be usable in {@code SELECT}, {@code WHERE} and
 * {@code GROUP BY} of a query over {@link #from()}; the measures are aggregate expressions.
 */
public interface UsageTable {

    /** What the queries select from ({@code usage_events e JOIN ...}). */
    String from();

    /** The record's time in epoch milliseconds (an integer), for grouping by calendar and blocks. */
    String millis();

    /**
     * A query of one row: the first and last stored time in epoch milliseconds (NULLs when nothing is stored),
     * cheap (an index or a summary answers it).
     */
    String timeRange();

    /**
     * What a range's start is compared with ({@code >= from}): the record's time, or the first time of a
     * pre-summed row (which the query then takes whole only when the range starts on a whole hour).
     */
    String firstTime();

    /** What a range's end is compared with ({@code < until}): the record's time, or a pre-summed row's last. */
    String lastTime();

    /** Binds an instant for a comparison with {@link #firstTime()} or {@link #lastTime()}. */
    void bindTime(PreparedStatement ps, int index, Instant t) throws SQLException;

    /** The machine id. */
    String machine();

    /** The session id. */
    String session();

    /** The model label: the model id, {@code <model>-fast} for fast mode. */
    String label();

    /** The cost source's code ({@link dev.cctelemetry.core.usage.CostSource#code()}). */
    String costSource();

    /** The encoded project folder. */
    String project();

    /** The working directory. */
    String cwd();

    /** 1 for a request (at least one token), 0 for a placeholder. */
    String request();

    /**
     * The measures, in this order: input, output, 5-minute and 1-hour cache writes, cache reads, picodollars,
     * records, first and last time in epoch milliseconds: aggregate expressions ({@code SUM(e.input)}, ...).
     */
    String measures();

    /**
     * A condition selecting the given machines (ids or names), with its parameters; never empty.
     *
     * @param machines ids or names, not empty
     */
    Condition machineCondition(Set<String> machines);

    /** A piece of SQL and the values its placeholders take (strings, longs or instants). */
    record Condition(String sql, java.util.List<Object> params) {
        public Condition {
            params = java.util.List.copyOf(params);
        }
    }
}
