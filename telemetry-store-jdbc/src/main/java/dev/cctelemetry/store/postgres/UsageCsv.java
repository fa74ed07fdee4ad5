package dev.cctelemetry.store.postgres;

import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageRecord;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes usage records as PostgreSQL {@code COPY ... (FORMAT csv)} rows, in the order of {@link #COLUMNS}.
 * Every text value is quoted, so "" is the empty string and never NULL; quotes are doubled, and commas,
 * newlines and backslashes need nothing else inside quotes in CSV mode.
 */
final class UsageCsv {

    /** The usage_events columns the staging table receives, in row order. */
    static final List<String> COLUMNS = List.of("message_id", "request_id", "machine_id", "session_id",
            "project_dir", "cwd", "ts", "model", "input", "output", "cache_write_5m", "cache_write_1h",
            "cache_read", "speed", "service_tier", "version", "sidechain", "agent_id", "stop_reason_set",
            "config_root", "source_file", "source_offset", "cost_usd", "cost_source");

    private UsageCsv() {
    }

    /** Writes one row, terminated by a newline. */
    static void write(Writer out, String machineId, UsageRecord r) throws IOException {
        text(out, r.key().messageId());
        text(out, r.key().requestId());
        text(out, machineId);
        text(out, r.sessionId());
        text(out, r.projectDir());
        text(out, r.cwd());
        // ISO-8601 with 'Z' is valid timestamptz input whatever the session's TimeZone.
        raw(out, r.timestamp().toString());
        text(out, r.model());
        TokenCounts t = r.tokens();
        raw(out, Long.toString(t.input()));
        raw(out, Long.toString(t.output()));
        raw(out, Long.toString(t.cacheWrite5m()));
        raw(out, Long.toString(t.cacheWrite1h()));
        raw(out, Long.toString(t.cacheRead()));
        text(out, r.speed());
        text(out, r.serviceTier());
        text(out, r.version());
        raw(out, r.sidechain() ? "t" : "f");
        text(out, r.agentId());
        raw(out, r.stopReasonSet() ? "t" : "f");
        text(out, r.configRoot());
        text(out, r.sourceFile());
        raw(out, Long.toString(r.sourceOffset()));
        // Double.toString is the shortest exact form; float8 input reads it back to the same double.
        raw(out, Double.toString(r.costUsd()));
        out.write('"');
        out.write(r.costSource().code());
        out.write("\"\n");
    }

    private static void raw(Writer out, String value) throws IOException {
        out.write(value);
        out.write(',');
    }

    private static void text(Writer out, String value) throws IOException {
        out.write('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.write("\"\"");
            } else if (c == '\0') {
                // PostgreSQL text cannot hold NUL; one odd path must not block every later push.
                out.write('\uFFFD');
            } else {
                out.write(c);
            }
        }
        out.write("\",");
    }
}
