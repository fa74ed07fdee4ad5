package dev.cctelemetry.core.report;

import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.report.TextTable.Column;
import dev.cctelemetry.core.text.TerminalText;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders reports as aligned plain-text tables: thousands separators, costs as {@code $1,234.56}, a totals
 * line, the active block marked, and a closing note naming models without a price (their cost shows as $0).
 * Session rows show the full session id. Lines stay well under 160 columns for realistic numbers.
 */
public final class ReportTableRenderer {

    private static final int MODELS_WIDTH = 18;
    private static final int PLACE_WIDTH = 40;
    /** A UUID's length: the directory line under a session id may use as much. */
    private static final int SESSION_ID_WIDTH = 36;
    private static final Pattern DATE_SUFFIX = Pattern.compile("-\\d{8}(?=$|-fast$)");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final List<Column> NUMBERS = List.of(Column.right("Input"), Column.right("Output"),
            Column.right("Cache Create"), Column.right("Cache Read"), Column.right("Total Tokens"),
            Column.right("Cost (USD)"));

    /** The report as text, ending with a newline. */
    public String render(Report<?> report) {
        StringBuilder out = new StringBuilder();
        out.append(title(report)).append("\n\n");
        if (report.rows().isEmpty()) {
            out.append("No usage recorded").append(range(report.options())).append(".\n");
            return out.toString();
        }
        out.append(table(report).render());
        for (ReportRow row : report.rows()) {
            if (row instanceof BlockRow b && b.active()) {
                out.append(activeBlockLine(b, report.options().zone()));
            }
        }
        List<String> unpriced = report.totals().unpricedModels();
        if (!unpriced.isEmpty()) {
            out.append("\nNote: no price is known for ").append(TerminalText.printable(String.join(", ", unpriced)))
                    .append(unpriced.size() == 1 ? "; its" : "; their")
                    .append(" usage is counted at $0.00, so the real cost is higher.\n");
        }
        return out.toString();
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
        return o.weekStart().getDisplayName(java.time.format.TextStyle.FULL, Locale.ROOT);
    }

    private static String range(ReportOptions o) {
        if (o.since().isEmpty() && o.until().isEmpty()) {
            return "";
        }
        return " from " + o.since().map(Object::toString).orElse("the start") + " to "
                + o.until().map(Object::toString).orElse("now");
    }

    private static TextTable table(Report<?> report) {
        ZoneId zone = report.options().zone();
        List<Column> lead = switch (report.kind()) {
            case DAILY -> List.of(Column.left("Date"), Column.left("Models"));
            case WEEKLY -> List.of(Column.left("Week"), Column.left("Models"));
            case MONTHLY -> List.of(Column.left("Month"), Column.left("Models"));
            case SESSIONS -> List.of(Column.left("Session / Directory"), Column.left("Last Activity"),
                    Column.left("Models"));
            case PROJECTS -> List.of(Column.left("Project"), Column.left("Models"));
            case MODELS -> List.of(Column.left("Model"), Column.right("Requests"));
            case BLOCKS -> List.of(Column.left("Block Start"), Column.left("Status"), Column.left("Models"));
        };
        TextTable t = new TextTable(Stream.concat(lead.stream(), NUMBERS.stream()).toList());
        for (ReportRow row : report.rows()) {
            List<List<String>> cells = new ArrayList<>(leadCells(row, zone));
            cells.addAll(row instanceof BlockRow b && b.gap() ? blankNumbers() : numbers(row.usage()));
            t.multiLineRow(cells);
        }
        List<List<String>> total = new ArrayList<>();
        total.add(List.of("Total"));
        for (int i = 1; i < lead.size(); i++) {
            total.add(List.of(report.kind() == ReportKind.MODELS ? count(report.totals().requests()) : ""));
        }
        total.addAll(numbers(report.totals()));
        return t.rule().multiLineRow(total);
    }

    private static List<List<String>> leadCells(ReportRow row, ZoneId zone) {
        List<String> models = TextTable.wrap(row.usage().modelsUsed().stream()
                .map(ReportTableRenderer::shortModel).toList(), MODELS_WIDTH);
        if (row instanceof SessionRow s) {
            String where = s.cwd().isEmpty() ? s.projectDir() : s.cwd();
            return List.of(List.of(s.sessionId(), TextTable.keepEnd(where, Math.max(SESSION_ID_WIDTH, s.sessionId().length()))),
                    List.of(MINUTE.format(s.lastActivity().atZone(zone))), models);
        }
        if (row instanceof ProjectRow p) {
            List<String> place = new ArrayList<>();
            place.add(TextTable.keepEnd(p.cwd().isEmpty() ? p.projectDir() : p.cwd(), PLACE_WIDTH));
            return List.of(place, models);
        }
        if (row instanceof ModelRow m) {
            return List.of(List.of(m.model()), List.of(count(m.usage().requests())));
        }
        if (row instanceof BlockRow b) {
            return List.of(List.of(MINUTE.format(b.start().atZone(zone))), List.of(status(b)), models);
        }
        return List.of(List.of(row.label()), models);
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
        StringBuilder sb = new StringBuilder("\nActive block ends ").append(MINUTE.format(b.end().atZone(zone)));
        b.burnRate().ifPresent(r -> sb.append("; burn rate ").append(count(Math.round(r.tokensPerMinute())))
                .append(" tokens/min, ").append(money(r.costPerHour())).append("/hour"));
        b.projection().ifPresent(p -> sb.append("; projected ").append(count(p.totalTokens()))
                .append(" tokens, ").append(money(p.totalCost())).append(" at block end"));
        return sb.append(".\n").toString();
    }

    private static List<List<String>> numbers(UsageSummary u) {
        return List.of(List.of(count(u.tokens().input())), List.of(count(u.tokens().output())),
                List.of(count(u.cacheCreationTokens())), List.of(count(u.tokens().cacheRead())),
                List.of(count(u.totalTokens())), List.of(money(u.cost())));
    }

    private static List<List<String>> blankNumbers() {
        return NUMBERS.stream().map(c -> List.of("")).toList();
    }

    /** {@code claude-sonnet-4-20250514} → {@code sonnet-4}: the part that tells models apart. */
    static String shortModel(String model) {
        String s = model.startsWith("claude-") ? model.substring("claude-".length()) : model;
        return DATE_SUFFIX.matcher(s).replaceFirst("");
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String money(double usd) {
        return String.format(Locale.ROOT, "$%,.2f", usd);
    }

    /** {@code 2h 5m}, or {@code 3d 4h} once a day or more (gaps can last months). */
    private static String hoursMinutes(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h";
        }
        return d.toHours() + "h " + d.toMinutesPart() + "m";
    }

    private static String hours(Duration d) {
        return d.toMinutesPart() == 0 ? d.toHours() + "-hour" : hoursMinutes(d);
    }
}
