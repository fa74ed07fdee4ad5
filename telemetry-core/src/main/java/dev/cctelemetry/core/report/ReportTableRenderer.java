package dev.cctelemetry.core.report;

import static dev.cctelemetry.core.report.ReportFigures.count;
import static dev.cctelemetry.core.report.ReportFigures.hoursMinutes;
import static dev.cctelemetry.core.report.ReportFigures.money;

import dev.cctelemetry.core.query.ModelBreakdown;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.report.TextTable.Column;
import dev.cctelemetry.core.text.TerminalText;
import dev.cctelemetry.core.usage.TokenCounts;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Renders reports as aligned plain-text tables that fit the terminal: thousands separators, costs as
 * {@code $1,234.56}, a totals line, the active block marked, and closing notes naming models without a price
 * (their cost shows as $0) and models whose cost is Claude Code's own cost-state figure.
 *
 * <p>The table follows {@link ReportFormat#width()}: the Models cell wraps at the width the other columns leave
 * (on one line when there is room), and when even a narrow Models cell does not fit, the least telling columns are
 * hidden one by one (cache reads, cache writes, then input and output or the total, per report: {@link #drops}),
 * down to ccusage's compact layout; {@link ReportFormat#compact()} asks for that layout at any width. Session rows
 * show the full session id whatever the width: it is what a user copies.
 */
public final class ReportTableRenderer {

    /** Narrowest Models cell before columns are hidden: one model label such as {@code opus-4-1-fast}. */
    private static final int MODELS_MIN = 13;
    private static final int PLACE_WIDTH = 40;
    private static final int PLACE_WIDTH_COMPACT = 28;
    /** A UUID's length: the directory line under a session id may use as much. */
    private static final int SESSION_ID_WIDTH = 36;
    private static final int GAP = 2;
    private static final String MODELS = "Models";
    private static final String PROJECT = "Project";
    private static final String LAST_ACTIVITY = "Last Activity";
    private static final String CACHE_READ = "Cache Read";
    private static final String CACHE_CREATE = "Cache Create";
    private static final String INPUT = "Input";
    private static final String OUTPUT = "Output";
    private static final String TOTAL = "Total Tokens";
    private static final String COST = "Cost (USD)";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final List<Column> NUMBERS = List.of(Column.right(INPUT), Column.right(OUTPUT),
            Column.right(CACHE_CREATE), Column.right(CACHE_READ), Column.right(TOTAL), Column.right(COST));

    /** The report as text at {@link ReportFormat#TABLE}'s width, ending with a newline. */
    public String render(Report<?> report) {
        return render(report, ReportFormat.TABLE);
    }

    /** The report as text that fits {@code format}'s width (with per-model rows if asked), ending with a newline. */
    public String render(Report<?> report, ReportFormat format) {
        int width = format.width();
        StringBuilder out = new StringBuilder();
        out.append(paragraph(title(report), width)).append('\n');
        if (report.rows().isEmpty()) {
            out.append(paragraph("No usage recorded" + range(report.options()) + ".", width));
            return out.toString();
        }
        List<Column> columns = columns(report.kind());
        List<List<List<String>>> rows = new ArrayList<>();
        boolean breakdown = format.breakdown() && columns.stream().anyMatch(c -> c.heading().equals(MODELS));
        for (ReportRow row : report.rows()) {
            List<List<String>> cells = new ArrayList<>(leadCells(row, report.options().zone()));
            cells.addAll(row instanceof BlockRow b && b.gap() ? blankNumbers() : numbers(row.usage()));
            rows.add(cells);
            if (breakdown && !(row instanceof BlockRow b && b.gap())) {
                for (ModelBreakdown m : row.usage().breakdowns()) {
                    rows.add(breakdownCells(columns, m));
                }
            }
        }
        rows.add(totalCells(report, columns));
        Layout layout = Layout.choose(report.kind(), columns, rows, width, format.compact());
        TextTable table = new TextTable(layout.kept(columns));
        for (int r = 0; r < rows.size(); r++) {
            if (r == rows.size() - 1) {
                table.rule();
            }
            table.multiLineRow(layout.fit(columns, rows.get(r)));
        }
        out.append(table.render());
        for (ReportRow row : report.rows()) {
            if (row instanceof BlockRow b && b.active()) {
                out.append('\n').append(paragraph(activeBlockLine(b, report.options().zone()), width));
            }
        }
        if (!layout.hidden().isEmpty()) {
            out.append('\n').append(paragraph("Compact layout: " + String.join(", ", layout.hidden())
                    + (format.compact() ? " hidden (--compact)." : " hidden to fit " + width
                            + " columns; they show from " + layout.fullWidth() + " columns."),
                    width));
        }
        List<String> unpriced = report.totals().unpricedModels();
        if (!unpriced.isEmpty()) {
            out.append('\n').append(paragraph("Note: no price is known for " + String.join(", ", unpriced)
                    + (unpriced.size() == 1 ? "; its" : "; their")
                    + " usage is counted at $0.00, so the real cost is higher.", width));
        }
        List<String> costState = report.totals().costStateModels();
        if (!costState.isEmpty()) {
            out.append('\n').append(paragraph("Note: the cost of " + String.join(", ", costState)
                    + " is Claude Code's own figure (its cost-state), as the price table has no price for "
                    + (costState.size() == 1 ? "it" : "them")
                    + "; ccusage prices such requests differently, so its cost can differ.", width));
        }
        return out.toString();
    }

    /**
     * Which columns show and how wide the flexible cells are.
     *
     * @param keep per column, whether it shows
     * @param modelsWidth the width the Models cell wraps at
     * @param placeWidth the width a project path is cut to (its end kept)
     * @param hidden headings of the hidden columns, in table order
     * @param fullWidth the width at which no column would be hidden
     */
    private record Layout(boolean[] keep, int modelsWidth, int placeWidth, List<String> hidden, int fullWidth) {

        static Layout choose(ReportKind kind, List<Column> columns, List<List<List<String>>> rows, int width,
                boolean compact) {
            boolean[] keep = new boolean[columns.size()];
            Arrays.fill(keep, true);
            int models = columns.indexOf(Column.left(MODELS));
            int modelsNatural = 0;
            if (models >= 0) {
                modelsNatural = MODELS.length();
                for (List<List<String>> row : rows) {
                    modelsNatural = Math.max(modelsNatural, String.join(", ", row.get(models)).length());
                }
            }
            int modelsMin = Math.min(MODELS_MIN, modelsNatural);
            int[] natural = naturalWidths(columns, rows, models, PLACE_WIDTH);
            int fullWidth = tableWidth(natural, keep) + modelsMin;
            List<String> drops = drops(kind);
            for (String heading : drops) {
                if (!compact && tableWidth(natural, keep) + modelsMin <= width) {
                    break;
                }
                keep[columns.indexOf(column(columns, heading))] = false;
                natural = naturalWidths(columns, rows, models, PLACE_WIDTH_COMPACT);
            }
            boolean dropped = !hiddenHeadings(columns, keep).isEmpty();
            // Past the last column that may go, the Models cell still narrows (to its heading) rather than overflow.
            int modelsWidth = Math.max(Math.min(MODELS.length(), modelsNatural),
                    Math.min(modelsNatural, width - tableWidth(natural, keep)));
            return new Layout(keep, modelsWidth, dropped ? PLACE_WIDTH_COMPACT : PLACE_WIDTH,
                    hiddenHeadings(columns, keep), fullWidth);
        }

        /** Each column's width from its content; Models counted as 0 (it takes what is left), paths cut. */
        private static int[] naturalWidths(List<Column> columns, List<List<List<String>>> rows, int models,
                int placeWidth) {
            int[] w = new int[columns.size()];
            for (int c = 0; c < w.length; c++) {
                if (c == models) {
                    continue;
                }
                w[c] = columns.get(c).heading().length();
                for (List<List<String>> row : rows) {
                    for (String line : row.get(c)) {
                        int len = columns.get(c).heading().equals(PROJECT) ? Math.min(placeWidth, line.length())
                                : line.length();
                        w[c] = Math.max(w[c], len);
                    }
                }
            }
            return w;
        }

        /** The kept columns' widths and the gaps between them (a Models column counted as 0 wide). */
        private static int tableWidth(int[] widths, boolean[] keep) {
            int sum = 0;
            int kept = 0;
            for (int c = 0; c < widths.length; c++) {
                if (keep[c]) {
                    sum += widths[c];
                    kept++;
                }
            }
            return sum + GAP * Math.max(0, kept - 1);
        }

        private static List<String> hiddenHeadings(List<Column> columns, boolean[] keep) {
            List<String> hidden = new ArrayList<>();
            for (int c = 0; c < keep.length; c++) {
                if (!keep[c]) {
                    hidden.add(columns.get(c).heading());
                }
            }
            return hidden;
        }

        List<Column> kept(List<Column> columns) {
            List<Column> out = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                if (keep[c]) {
                    out.add(columns.get(c));
                }
            }
            return out;
        }

        /** A row's kept cells, the Models cell wrapped and a project path cut to this layout's widths. */
        List<List<String>> fit(List<Column> columns, List<List<String>> cells) {
            List<List<String>> out = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                if (!keep[c]) {
                    continue;
                }
                String heading = columns.get(c).heading();
                List<String> cell = cells.get(c);
                if (heading.equals(MODELS)) {
                    out.add(TextTable.wrap(cell, modelsWidth));
                } else if (heading.equals(PROJECT)) {
                    out.add(cell.stream().map(l -> TextTable.keepEnd(l, placeWidth)).toList());
                } else {
                    out.add(cell);
                }
            }
            return out;
        }
    }

    /**
     * The columns hidden first, in order, when the table is too wide: the cache columns first (the total and the
     * cost already count them), down to what ccusage's compact layout shows.
     */
    private static List<String> drops(ReportKind kind) {
        return switch (kind) {
            case DAILY, WEEKLY, MONTHLY -> List.of(CACHE_READ, CACHE_CREATE, TOTAL);
            case SESSIONS -> List.of(CACHE_READ, CACHE_CREATE, INPUT, OUTPUT, TOTAL, LAST_ACTIVITY);
            case PROJECTS, BLOCKS, MODELS -> List.of(CACHE_READ, CACHE_CREATE, INPUT, OUTPUT, TOTAL);
        };
    }

    private static Column column(List<Column> columns, String heading) {
        return columns.stream().filter(c -> c.heading().equals(heading)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no column " + heading));
    }

    private static String title(Report<?> report) {
        String what = switch (report.kind()) {
            case DAILY -> "Daily usage";
            case WEEKLY -> "Weekly usage (weeks from " + weekday(report.options()) + ")";
            case MONTHLY -> "Monthly usage";
            case SESSIONS -> "Usage by session";
            case PROJECTS -> "Usage by project";
            case MODELS -> "Usage by model";
            case BLOCKS -> "Usage by " + hours(report.options().blockLength()) + " block";
        };
        return what + range(report.options()) + " (times in " + report.options().zone().getId() + ")";
    }

    private static String weekday(ReportOptions o) {
        // English, as the rest of the table; the root locale's "full" names are the short ones (Sun).
        return o.weekStart().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String range(ReportOptions o) {
        if (o.since().isEmpty() && o.until().isEmpty()) {
            return "";
        }
        return " from " + o.since().map(Object::toString).orElse("the start") + " to "
                + o.until().map(Object::toString).orElse("now");
    }

    private static List<Column> columns(ReportKind kind) {
        List<Column> lead = switch (kind) {
            case DAILY -> List.of(Column.left("Date"), Column.left(MODELS));
            case WEEKLY -> List.of(Column.left("Week"), Column.left(MODELS));
            case MONTHLY -> List.of(Column.left("Month"), Column.left(MODELS));
            case SESSIONS -> List.of(Column.left("Session / Directory"), Column.left(LAST_ACTIVITY),
                    Column.left(MODELS));
            case PROJECTS -> List.of(Column.left(PROJECT), Column.left(MODELS));
            case MODELS -> List.of(Column.left("Model"), Column.right("Requests"));
            case BLOCKS -> List.of(Column.left("Block Start"), Column.left("Status"), Column.left(MODELS));
        };
        return Stream.concat(lead.stream(), NUMBERS.stream()).toList();
    }

    private static List<List<String>> totalCells(Report<?> report, List<Column> columns) {
        List<List<String>> total = new ArrayList<>();
        total.add(List.of("Total"));
        for (int i = 1; i < columns.size() - NUMBERS.size(); i++) {
            total.add(List.of(report.kind() == ReportKind.MODELS ? count(report.totals().requests()) : ""));
        }
        total.addAll(numbers(report.totals()));
        return total;
    }

    /** Models cells hold the bare labels here; the layout wraps them. */
    private static List<List<String>> leadCells(ReportRow row, ZoneId zone) {
        List<String> models = row.usage().modelsUsed().stream().map(ReportFigures::shortModel).toList();
        if (row instanceof SessionRow s) {
            String where = s.cwd().isEmpty() ? s.projectDir() : s.cwd();
            return List.of(List.of(s.sessionId(), TextTable.keepEnd(where, Math.max(SESSION_ID_WIDTH,
                    s.sessionId().length()))), List.of(MINUTE.format(s.lastActivity().atZone(zone))), models);
        }
        if (row instanceof ProjectRow p) {
            return List.of(List.of(p.cwd().isEmpty() ? p.projectDir() : p.cwd()), models);
        }
        if (row instanceof ModelRow m) {
            return List.of(List.of(m.model()), List.of(count(m.usage().requests())));
        }
        if (row instanceof BlockRow b) {
            return List.of(List.of(MINUTE.format(b.start().atZone(zone))), List.of(status(b)), models);
        }
        return List.of(List.of(row.label()), models);
    }

    /** A {@code --breakdown} line: one model's share, under the row, named in the Models column. */
    private static List<List<String>> breakdownCells(List<Column> columns, ModelBreakdown m) {
        List<List<String>> cells = new ArrayList<>();
        for (Column c : columns.subList(0, columns.size() - NUMBERS.size())) {
            cells.add(List.of(c.heading().equals(MODELS) ? "- " + ReportFigures.shortModel(m.model()) : ""));
        }
        cells.addAll(numbers(m.tokens(), m.cost()));
        return cells;
    }

    private static String status(BlockRow b) {
        if (b.gap()) {
            return "(" + hoursMinutes(Duration.between(b.start(), b.end())) + " gap)";
        }
        if (b.active()) {
            return b.projection().map(p -> "ACTIVE, " + hoursMinutes(Duration.ofMinutes(p.remainingMinutes()))
                    + " left").orElse("ACTIVE");
        }
        return hoursMinutes(Duration.between(b.start(), b.actualEnd().orElse(b.start())));
    }

    private static String activeBlockLine(BlockRow b, ZoneId zone) {
        StringBuilder sb = new StringBuilder("Active block ends ").append(MINUTE.format(b.end().atZone(zone)));
        b.burnRate().ifPresent(r -> sb.append("; burn rate ").append(count(Math.round(r.tokensPerMinute())))
                .append(" tokens/min, ").append(money(r.costPerHour())).append("/hour"));
        b.projection().ifPresent(p -> sb.append("; projected ").append(count(p.totalTokens()))
                .append(" tokens, ").append(money(p.totalCost())).append(" at block end"));
        return sb.append('.').toString();
    }

    private static List<List<String>> numbers(UsageSummary u) {
        return numbers(u.tokens(), u.cost());
    }

    private static List<List<String>> numbers(TokenCounts t, double cost) {
        return List.of(List.of(count(t.input())), List.of(count(t.output())), List.of(count(t.cacheWrite())),
                List.of(count(t.cacheRead())), List.of(count(t.total())), List.of(money(cost)));
    }

    private static List<List<String>> blankNumbers() {
        return NUMBERS.stream().map(c -> List.of("")).toList();
    }

    /**
     * A sentence broken between words into lines of at most {@code width} characters (a longer word keeps its
     * own line), each ending with a newline; control characters from the data shown escaped.
     */
    private static String paragraph(String text, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : TerminalText.printable(text).split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).append('\n').toString();
    }

    private static String hours(Duration d) {
        return d.toMinutesPart() == 0 ? d.toHours() + "-hour" : hoursMinutes(d);
    }
}
