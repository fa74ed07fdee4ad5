package dev.cctelemetry.web.api;

import java.util.Objects;

/**
 * One column of a view's table.
 *
 * @param label the heading a user reads (and the CSV header)
 * @param kind how its values are shown and aligned
 */
public record TableColumn(String label, Kind kind) {

    public TableColumn {
        Objects.requireNonNull(label, "label is null");
        Objects.requireNonNull(kind, "kind is null");
    }

    /** A text column. */
    public static TableColumn text(String label) {
        return new TableColumn(label, Kind.TEXT);
    }

    /** A right-aligned number column. */
    public static TableColumn number(String label) {
        return new TableColumn(label, Kind.NUMBER);
    }

    /** What a column holds. */
    public enum Kind {
        TEXT, NUMBER
    }
}
