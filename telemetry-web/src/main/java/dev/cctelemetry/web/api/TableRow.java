package dev.cctelemetry.web.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row of a view's table: each cell's value (what the CSV holds: raw numbers, ISO times) and its text (what
 * the page shows, formatted as the CLI formats it), plus an optional link for the row's first cell.
 *
 * @param values raw values, one per column (numbers, strings; null for an empty cell)
 * @param text display text, one per column
 * @param link a page path the first cell links to, or null
 */
public record TableRow(List<Object> values, List<String> text, String link) {

    public TableRow {
        // Raw values may be null (an empty cell: a gap block's numbers); List.copyOf would refuse them.
        values = Collections.unmodifiableList(new ArrayList<>(values));
        text = List.copyOf(text);
        if (values.size() != text.size()) {
            throw new IllegalArgumentException("values and text differ in length");
        }
    }

    /** A row built cell by cell. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a row's cells in column order. */
    public static final class Builder {
        private final List<Object> values = new ArrayList<>();
        private final List<String> text = new ArrayList<>();
        private String link;

        private Builder() {
        }

        /** A cell whose value and text are the same string. */
        public Builder text(String value) {
            return cell(value, value);
        }

        /** A cell with a raw value and its display text. */
        public Builder cell(Object value, String shown) {
            values.add(value);
            text.add(shown);
            return this;
        }

        /** Links the row's first cell to a page. */
        public Builder link(String path) {
            this.link = path;
            return this;
        }

        /** The row. */
        public TableRow build() {
            return new TableRow(values, text, link);
        }
    }
}
