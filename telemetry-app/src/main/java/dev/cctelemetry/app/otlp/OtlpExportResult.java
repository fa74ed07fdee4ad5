package dev.cctelemetry.app.otlp;

import java.util.Objects;

/**
 * What one {@code export --otlp} sent.
 *
 * @param endpoint where to (without a query string)
 * @param records the ledger's new or updated requests since the last export to that endpoint
 * @param sessions the sessions they belong to, each sent whole (its totals since its first request)
 */
public record OtlpExportResult(String endpoint, long records, long sessions) {

    public OtlpExportResult {
        Objects.requireNonNull(endpoint, "endpoint is null");
    }

    /** One line for the terminal. */
    public String summaryLine() {
        if (records == 0) {
            return "Nothing new to export to " + endpoint + ".";
        }
        return String.format(java.util.Locale.ROOT, "Exported %,d new or updated record%s (%,d session%s, as"
                + " claude_code.token.usage and claude_code.cost.usage) to %s.", records, records == 1 ? "" : "s",
                sessions, sessions == 1 ? "" : "s", endpoint);
    }
}
