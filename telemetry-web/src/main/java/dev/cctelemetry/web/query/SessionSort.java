package dev.cctelemetry.web.query;

import java.util.Objects;

/**
 * The order of the sessions table.
 *
 * @param column the column sorted on
 * @param descending largest (or latest) first when true
 */
public record SessionSort(Column column, boolean descending) {

    /** Latest activity first: what a user opening the table wants to see. */
    public static final SessionSort DEFAULT = new SessionSort(Column.LAST, true);

    public SessionSort {
        Objects.requireNonNull(column, "column is null");
    }

    /** Sortable columns. */
    public enum Column {
        MACHINE, PROJECT, FIRST, LAST, DURATION, TOKENS, COST
    }
}
