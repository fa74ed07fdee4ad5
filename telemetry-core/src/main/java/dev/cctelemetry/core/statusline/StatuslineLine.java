package dev.cctelemetry.core.statusline;

import dev.cctelemetry.core.limits.LimitLevel;
import dev.cctelemetry.core.limits.LimitWindow;
import dev.cctelemetry.core.text.DollarText;
import dev.cctelemetry.core.text.TerminalText;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The line cc-telemetry prints for Claude Code's status line, e.g.
 * {@code Opus 5.5 | session $1.23 | today $8.40 (all machines $19.10) | block $4.02, $2.10/h, ends 16:00 |
 * 5h 42% (resets 15:10) | 7d 17%}.
 *
 * <p>Parts that are not known are left out, never shown as 0. Text from the payload is shown through {@link
 * TerminalText#printable}, so a model name holding escape sequences or line breaks prints as visible escapes.
 * Percentages are rounded down (99.9 % shows as 99 %, so 100 % means full). The 5-hour window shows its reset, any
 * other window only from 80 % on. Times are local; a time on another day carries its weekday.
 *
 * <p>When the terminal is narrower than the line (Claude Code passes {@code COLUMNS}), the parts go on two lines,
 * and a part that still does not fit is cut with {@code …}.
 */
public final class StatuslineLine {

    /** Parts are joined with this. */
    public static final String SEPARATOR = " | ";
    /** From this share on, every window shows when it resets. */
    public static final double SHOW_RESET_FROM = 80;

    private static final int MAX_MODEL = 40;
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private final LocalZone zone;

    /** @param zone the zone local times are shown in */
    public StatuslineLine(ZoneId zone) {
        this(LocalZone.of(zone));
    }

    /** @param zone the zone local times are shown in */
    public StatuslineLine(LocalZone zone) {
        this.zone = Objects.requireNonNull(zone, "zone is null");
    }

    /**
     * The line(s) for one payload.
     *
     * @param payload what Claude Code sent
     * @param figures what the ledger knows
     * @param now the time of this run (a window whose reset has passed is left out)
     * @param width the terminal's columns, or 0 when unknown (one line then)
     * @return one line, or two when {@code width} is too narrow for one; empty when nothing at all is known
     */
    public List<String> render(StatuslinePayload payload, StatuslineFigures figures, Instant now, int width) {
        List<String> parts = parts(payload, figures, now);
        if (parts.isEmpty()) {
            return List.of();
        }
        String one = String.join(SEPARATOR, parts);
        if (width <= 0 || one.length() <= width) {
            return List.of(one);
        }
        return wrapInTwo(parts, width);
    }

    /** The parts, in order, each already safe to print. */
    List<String> parts(StatuslinePayload payload, StatuslineFigures figures, Instant now) {
        List<String> parts = new ArrayList<>();
        payload.modelLabel().map(StatuslineLine::modelText).ifPresent(parts::add);
        figures.sessionPicos().ifPresent(p -> parts.add("session " + DollarText.ofPicos(p)));
        figures.todayPicos().ifPresent(p -> parts.add("today " + DollarText.ofPicos(p)
                + figures.allMachinesTodayPicos().map(a -> " (all machines " + DollarText.ofPicos(a) + ")")
                        .orElse("")));
        figures.block().filter(b -> now.isBefore(b.end())).ifPresent(b -> parts.add(blockText(b, now)));
        for (LimitLevel level : payload.limits()) {
            if (now.isBefore(level.resetsAt())) {
                parts.add(limitText(level, now));
            }
        }
        return parts;
    }

    private static String modelText(String label) {
        String shown = label.length() > MAX_MODEL ? label.substring(0, MAX_MODEL - 1) + "…" : label;
        return TerminalText.printable(shown);
    }

    private String blockText(ActiveBlock b, Instant now) {
        StringBuilder s = new StringBuilder("block ").append(DollarText.ofPicos(b.costPicos()));
        b.costPerHour().filter(r -> Double.isFinite(r) && r >= 0).ifPresent(r -> s.append(", ")
                .append(DollarText.ofPicos(Math.round(r * 1e12))).append("/h"));
        return s.append(", ends ").append(time(b.end(), now)).toString();
    }

    private String limitText(LimitLevel level, Instant now) {
        StringBuilder s = new StringBuilder(TerminalText.printable(level.window().label())).append(' ')
                .append((long) Math.floor(level.usedPercentage())).append('%');
        if (level.window().equals(LimitWindow.FIVE_HOUR) || level.usedPercentage() >= SHOW_RESET_FROM) {
            s.append(" (resets ").append(time(level.resetsAt(), now)).append(')');
        }
        return s.toString();
    }

    /** {@code 15:10} today, {@code Thu 15:10} on another day. */
    private String time(Instant t, Instant now) {
        LocalDateTime local = zone.dateTime(t);
        StringBuilder s = new StringBuilder(9);
        if (!local.toLocalDate().equals(zone.date(now))) {
            s.append(WEEKDAYS[local.getDayOfWeek().getValue() - 1]).append(' ');
        }
        two(s, local.getHour()).append(':');
        return two(s, local.getMinute()).toString();
    }

    private static StringBuilder two(StringBuilder s, int n) {
        return s.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    /** Fills the first line with whole parts, puts the rest on the second, and cuts whatever still overflows. */
    private static List<String> wrapInTwo(List<String> parts, int width) {
        StringBuilder first = new StringBuilder(parts.get(0));
        int i = 1;
        while (i < parts.size() && first.length() + SEPARATOR.length() + parts.get(i).length() <= width) {
            first.append(SEPARATOR).append(parts.get(i++));
        }
        List<String> lines = new ArrayList<>(2);
        lines.add(cut(first.toString(), width));
        if (i < parts.size()) {
            lines.add(cut(String.join(SEPARATOR, parts.subList(i, parts.size())), width));
        }
        return lines;
    }

    private static String cut(String line, int width) {
        if (line.length() <= width) {
            return line;
        }
        int keep = Math.max(0, width - 1);
        // never leave half of a surrogate pair
        if (keep > 0 && Character.isHighSurrogate(line.charAt(keep - 1))) {
            keep--;
        }
        return line.substring(0, keep) + "…";
    }
}
