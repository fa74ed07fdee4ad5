package dev.cctelemetry.core.adapter.file;

import dev.cctelemetry.core.json.JsonDocumentWriter;
import dev.cctelemetry.core.json.JsonTreeReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cctelemetry.core.push.PushStatus;
import dev.cctelemetry.core.port.out.PushStatusStore;
import dev.cctelemetry.core.io.AtomicFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PushStatusStore} on a small JSON file ({@code <home>/state/push-status.json}), replaced atomically so
 * that a reader never sees half a file. A missing or damaged file reads as {@link PushStatus#NEVER}: the worst
 * case is one push attempt too many.
 */
public final class JsonPushStatusStore implements PushStatusStore {

    private static final Logger log = LoggerFactory.getLogger(JsonPushStatusStore.class);

    private final Path file;
    private final JsonDocumentWriter writer = new JsonDocumentWriter(true);

    /** A store on {@code file}; its folder is created on the first save. */
    public JsonPushStatusStore(Path file) {
        this.file = file;
    }

    @Override
    public PushStatus load() {
        if (!Files.isRegularFile(file)) {
            return PushStatus.NEVER;
        }
        try {
            JsonNode n = JsonTreeReader.read(file);
            return new PushStatus(instant(n, "last_attempt"), instant(n, "last_success"),
                    Math.max(0, n.path("consecutive_failures").asInt(0)), instant(n, "next_attempt_not_before"),
                    n.path("last_error").asText(""));
        } catch (IOException | RuntimeException e) {
            log.debug("ignoring unreadable push status {}: {}", file, e.getMessage());
            return PushStatus.NEVER;
        }
    }

    @Override
    public void save(PushStatus status) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        status.lastAttempt().ifPresent(t -> n.put("last_attempt", t.toString()));
        status.lastSuccess().ifPresent(t -> n.put("last_success", t.toString()));
        n.put("consecutive_failures", status.consecutiveFailures());
        status.notBefore().ifPresent(t -> n.put("next_attempt_not_before", t.toString()));
        n.put("last_error", status.lastError());
        try {
            AtomicFile.write(file, writer.bytes(n));
        } catch (IOException e) {
            log.warn("cannot store push status in {}: {}", file, e.getMessage());
        }
    }

    private static Optional<Instant> instant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(v.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
