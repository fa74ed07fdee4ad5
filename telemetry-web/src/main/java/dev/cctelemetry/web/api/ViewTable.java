package dev.cctelemetry.web.api;

import java.util.List;
import java.util.Objects;

/**
 * The table of a view, as the page shows it and as its CSV download holds it.
 *
 * @param name file name stem of the CSV download (e.g. {@code sessions})
 * @param columns the columns
 * @param rows the rows in display order
 * @param total the totals row, or null when the view has none
 * @param unpricedModels models in the table with no known price (the page names them as the CLI does)
 */
public record ViewTable(String name, List<TableColumn> columns, List<TableRow> rows, TableRow total,
        List<String> unpricedModels) {

    public ViewTable {
        Objects.requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        unpricedModels = List.copyOf(unpricedModels);
        for (TableRow r : rows) {
            if (r.values().size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + name + " has " + r.values().size()
                        + " cells for " + columns.size() + " columns");
            }
        }
    }
}
