package dev.cctelemetry.app.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cctelemetry.core.json.JsonTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a small JSON status file leniently: absent, unreadable or not an object all read as empty. */
public final class JsonStatusFile {

    private JsonStatusFile() {
    }

    /** The file's JSON object, if it holds one. */
    public static Optional<JsonNode> read(Path file) {
        try {
            JsonNode n = JsonTreeReader.read(Files.readAllBytes(file));
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first of {@code names} holding an ISO-8601 instant or epoch milliseconds. */
    public static Optional<Instant> instant(JsonNode n, String... names) {
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v == null) {
                continue;
            }
            if (v.isNumber()) {
                return Optional.of(Instant.ofEpochMilli(v.asLong()));
            }
            try {
                return Optional.of(Instant.parse(v.asText()));
            } catch (DateTimeParseException e) {
                // try the next name
            }
        }
        return Optional.empty();
    }

    /** The first of {@code names} holding text. */
    public static Optional<String> text(JsonNode n, String... names) {
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isEmpty()) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }
}
