package dev.cctelemetry.core.report;

import java.util.Locale;

/** The kinds of report, each with the top-level key its JSON output uses. */
public enum ReportKind {
    /** Per local date. */
    DAILY("daily"),
    /** Per local week. */
    WEEKLY("weekly"),
    /** Per local month. */
    MONTHLY("monthly"),
    /** Per session id. */
    SESSIONS("sessions"),
    /** Per project directory. */
    PROJECTS("projects"),
    /** Per model label. */
    MODELS("models"),
    /** Per 5-hour block. */
    BLOCKS("blocks");

    private final String jsonKey;

    ReportKind(String jsonKey) {
        this.jsonKey = jsonKey;
    }

    /** The JSON array key, as ccusage names it ({@code daily}, {@code sessions}, {@code blocks} …). */
    public String jsonKey() {
        return jsonKey;
    }

    /** Parses a command-line name such as {@code daily} or {@code sessions} (case-insensitive). */
    public static ReportKind ofName(String name) {
        for (ReportKind k : values()) {
            if (k.jsonKey.equals(name.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown report: " + name);
    }
}
