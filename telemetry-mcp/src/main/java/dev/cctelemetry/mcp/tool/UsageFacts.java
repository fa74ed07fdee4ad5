package dev.cctelemetry.mcp.tool;

import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.core.report.ReportJsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** A usage summary as one line of text and as JSON with {@code report --json}'s keys plus requests and sessions. */
final class UsageFacts {

    private UsageFacts() {
    }

    /** {@code $12.34 · 1,234,567 tokens (1,000 input, 2,000 output, 3,000 cache write, 4,000 cache read) · 5 requests · 1 session}. */
    static String line(UsageSummary u) {
        StringBuilder s = new StringBuilder()
                .append(ReportFigures.money(u.cost())).append(" · ")
                .append(ReportFigures.count(u.totalTokens())).append(" tokens (")
                .append(ReportFigures.count(u.tokens().input())).append(" input, ")
                .append(ReportFigures.count(u.tokens().output())).append(" output, ")
                .append(ReportFigures.count(u.cacheCreationTokens())).append(" cache write, ")
                .append(ReportFigures.count(u.tokens().cacheRead())).append(" cache read) · ")
                .append(plural(u.requests(), "request")).append(" · ").append(plural(u.sessions(), "session"));
        if (!u.unpricedModels().isEmpty()) {
            s.append(" · no known price for ").append(String.join(", ", u.unpricedModels()))
                    .append(" (counted at $0: the real cost is higher)");
        }
        return s.toString();
    }

    /** The summary's figures: {@code report --json}'s totals keys, {@code requests}, {@code sessions}. */
    static Map<String, Object> json(UsageSummary u) {
        Map<String, Object> m = new LinkedHashMap<>(ReportJsonWriter.totals(u));
        m.put("requests", u.requests());
        m.put("sessions", u.sessions());
        return m;
    }

    /** {@code 1 session}, {@code 2 sessions}. */
    static String plural(long n, String noun) {
        return ReportFigures.count(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
