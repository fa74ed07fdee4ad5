package dev.cctelemetry.app.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The last pass of one sync trigger (daemon, push, manual sync) as its status file tells it.
 *
 * @param at when it ended
 * @param ok whether it succeeded
 * @param error what went wrong, "" when ok
 * @param detail anything else worth a mention (records, pending count …), or ""
 */
public record SyncOutcome(Instant at, boolean ok, String error, String detail) {

    public SyncOutcome {
        Objects.requireNonNull(at, "at is null");
        Objects.requireNonNull(error, "error is null");
        Objects.requireNonNull(detail, "detail is null");
    }

    /**
     * Reads a status file leniently. The names tried cover the shapes the daemon, push and manual-sync writers
     * use ({@code at}/{@code last_pass_at}/{@code finished_at}, {@code ok}/{@code result}, {@code error}).
     */
    public static Optional<SyncOutcome> read(Path file) {
        Optional<JsonNode> n = JsonStatusFile.read(file);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        JsonNode j = n.get();
        Optional<Instant> at = JsonStatusFile.instant(j, "at", "time", "last_pass_at", "finished_at", "last_pass",
                "last_push_at", "updated_at");
        if (at.isEmpty()) {
            return Optional.empty();
        }
        String error = JsonStatusFile.text(j, "error", "last_error").orElse("");
        boolean ok = j.has("ok") ? j.get("ok").asBoolean()
                : j.has("result") ? "ok".equalsIgnoreCase(j.get("result").asText()) : error.isEmpty();
        return Optional.of(new SyncOutcome(at.get(), ok, ok ? "" : error.isEmpty() ? "failed" : error,
                JsonStatusFile.text(j, "detail", "summary").orElse("")));
    }
}
