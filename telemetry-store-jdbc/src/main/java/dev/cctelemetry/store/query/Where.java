package dev.cctelemetry.store.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The WHERE clause a {@link dev.cctelemetry.core.query.UsageFilter} makes over a {@link UsageTable}, and the values
 * its placeholders take.
 *
 * @param sql the clause, with its leading {@code WHERE}
 * @param params the values, in order: strings, longs or instants
 */
record Where(String sql, List<Object> params) {

    Where {
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    /**
     * The records (or pre-summed rows) {@code filter} selects.
     *
     * @param requestsOnly leave placeholders out
     */
    static Where of(UsageTable table, dev.cctelemetry.core.query.UsageFilter filter, boolean requestsOnly) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (requestsOnly) {
            where.append(" AND ").append(table.request()).append(" = 1");
        }
        filter.from().ifPresent(t -> {
            where.append(" AND ").append(table.firstTime()).append(" >= ?");
            params.add(t);
        });
        filter.until().ifPresent(t -> {
            where.append(" AND ").append(table.lastTime()).append(" < ?");
            params.add(t);
        });
        if (!filter.machines().isEmpty()) {
            UsageTable.Condition c = table.machineCondition(filter.machines());
            where.append(" AND (").append(c.sql()).append(')');
            params.addAll(c.params());
        }
        // A column is asked for only when the filter needs it: a session-free summary holds no project.
        if (!filter.projects().isEmpty()) {
            in(where, params, table.project(), filter.projects());
        }
        if (!filter.models().isEmpty()) {
            in(where, params, table.label(), filter.models());
        }
        filter.session().ifPresent(s -> {
            where.append(" AND ").append(table.session()).append(" = ?");
            params.add(s);
        });
        return new Where(where.toString(), params);
    }

    /** Binds the values to {@code ps}'s first placeholders, instants as {@code table} compares times. */
    void bind(PreparedStatement ps, UsageTable table) throws SQLException {
        bind(ps, table, 1);
    }

    /** Binds the values to {@code ps}'s placeholders from index {@code first} on; the index after them. */
    int bind(PreparedStatement ps, UsageTable table, int first) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Instant t) {
                table.bindTime(ps, first + i, t);
            } else {
                ps.setObject(first + i, p);
            }
        }
        return first + params.size();
    }

    private static void in(StringBuilder where, List<Object> params, String column, Set<String> values) {
        if (values.isEmpty()) {
            return;
        }
        where.append(" AND ").append(column).append(" IN (")
                .append(String.join(", ", Collections.nCopies(values.size(), "?"))).append(')');
        params.addAll(values);
    }
}
