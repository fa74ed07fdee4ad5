package dev.cctelemetry.web.api;

import dev.cctelemetry.core.text.CsvCell;
import java.util.List;

/**
 * A view's table as RFC 4180 CSV: the headings, then each row's raw values (full-precision numbers, ISO times),
 * then the totals row. Text cells go through {@link CsvCell}, which neutralises what a spreadsheet would run as
 * a formula (a project path is text a user does not fully control).
 */
public final class CsvTable {

    private CsvTable() {
    }

    /** The table as CSV text, lines ending in CRLF. */
    public static String render(ViewTable table) {
        StringBuilder out = new StringBuilder();
        line(out, table.columns().stream().map(c -> (Object) c.label()).toList());
        table.rows().forEach(r -> line(out, r.values()));
        if (table.total() != null) {
            line(out, table.total().values());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Number ? value.toString() : CsvCell.of(value.toString());
    }
}
