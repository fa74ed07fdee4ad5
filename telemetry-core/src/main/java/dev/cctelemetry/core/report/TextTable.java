package dev.cctelemetry.core.report;

import dev.cctelemetry.core.text.TerminalText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table: columns sized to their content, numbers right-aligned, cells of several lines, a rule
 * under the header and above the totals. No colours or box characters, so it reads the same in any terminal
 * and in a log file; no control character from the data either.
 */
final class TextTable {

    private static final String GAP = "  ";

    private final List<Column> columns;
    private final List<List<List<String>>> body = new ArrayList<>();
    private final List<Integer> rulesBefore = new ArrayList<>();

    /** Column headings and alignment. */
    record Column(String heading, boolean rightAligned) {
        static Column left(String heading) {
            return new Column(heading, false);
        }

        static Column right(String heading) {
            return new Column(heading, true);
        }
    }

    TextTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Adds a row of single-line cells. */
    TextTable row(String... cells) {
        return multiLineRow(Arrays.stream(cells).map(List::of).toList());
    }

    /**
     * Adds a row whose cells may span several lines. Cells hold values read from transcripts and other machines'
     * records, so control characters are made visible here ({@link TerminalText}), for every table at once.
     */
    TextTable multiLineRow(List<List<String>> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.size());
        }
        body.add(cells.stream().map(lines -> lines.stream().map(TerminalText::printable).toList()).toList());
        return this;
    }

    /** Draws a rule before the next row added (used above the totals). */
    TextTable rule() {
        rulesBefore.add(body.size());
        return this;
    }

    /**
     * The same table with only the columns {@code keep} marks (rows and rules alike), for a table that must fit a
     * width: see {@link #width()}.
     */
    TextTable keeping(boolean[] keep) {
        List<Column> kept = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (keep[c]) {
                kept.add(columns.get(c));
            }
        }
        TextTable t = new TextTable(kept);
        for (List<List<String>> row : body) {
            List<List<String>> cells = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                if (keep[c]) {
                    cells.add(row.get(c));
                }
            }
            t.body.add(cells);
        }
        t.rulesBefore.addAll(rulesBefore);
        return t;
    }

    /** The width of the rendered table's widest line (the rule's). */
    int width() {
        return Arrays.stream(widths()).sum() + GAP.length() * (columns.size() - 1);
    }

    String render() {
        int[] widths = widths();
        StringBuilder out = new StringBuilder();
        line(out, widths, columns.stream().map(Column::heading).toList());
        String rule = "-".repeat(width());
        out.append(rule).append('\n');
        for (int r = 0; r < body.size(); r++) {
            if (rulesBefore.contains(r)) {
                out.append(rule).append('\n');
            }
            List<List<String>> row = body.get(r);
            int height = row.stream().mapToInt(List::size).max().orElse(1);
            for (int l = 0; l < height; l++) {
                List<String> cells = new ArrayList<>();
                for (List<String> cell : row) {
                    cells.add(l < cell.size() ? cell.get(l) : "");
                }
                line(out, widths, cells);
            }
        }
        return out.toString();
    }

    private int[] widths() {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).heading().length();
        }
        for (List<List<String>> row : body) {
            for (int c = 0; c < widths.length; c++) {
                for (String line : row.get(c)) {
                    widths[c] = Math.max(widths[c], line.length());
                }
            }
        }
        return widths;
    }

    private void line(StringBuilder out, int[] widths, List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) {
                sb.append(GAP);
            }
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            sb.append(columns.get(c).rightAligned() ? pad + cell : cell + pad);
        }
        out.append(sb.toString().stripTrailing()).append('\n');
    }

    /**
     * Splits a list of words into lines of at most {@code width} characters, joining words with ", ". A word
     * longer than the width is cut across lines, so that the cell keeps the width the table gave it.
     */
    static List<String> wrap(List<String> words, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i) + (i < words.size() - 1 ? "," : "");
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
            while (current.length() > width) {
                lines.add(current.substring(0, width));
                current.delete(0, width);
            }
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    /** Keeps the end of a long text (the informative part of a path), marking the cut with "...". */
    static String keepEnd(String text, int width) {
        return text.length() <= width ? text : "..." + text.substring(text.length() - (width - 3));
    }
}
