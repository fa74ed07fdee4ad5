package dev.cctelemetry.hooks.worker;

import dev.cctelemetry.core.io.AtomicFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cctelemetry.core.json.JsonDocumentWriter;
import dev.cctelemetry.core.json.JsonTreeReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.core.port.out.HookStatusStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link HookStatusStore} as small JSON files under {@code <telemetry home>/state/}: one file per kind of entry
 * ({@code hook-fired.json}, {@code hook-outcome.json}, {@code hook-last-success.json},
 * {@code hook-last-error.json}). Each write replaces one whole file (temp file in the same folder, then an
 * atomic rename), so concurrent workers never read-modify-write and a reader never sees half a file; the last
 * writer wins, which is what "latest" means.
 */
public final class FileHookStatusStore implements HookStatusStore {

    private static final Logger log = LoggerFactory.getLogger(FileHookStatusStore.class);
    static final String FIRED = "hook-fired.json";
    static final String OUTCOME = "hook-outcome.json";
    static final String SUCCESS = "hook-last-success.json";
    static final String ERROR = "hook-last-error.json";

    private final Path stateDir;
    private final JsonDocumentWriter writer = new JsonDocumentWriter(false);

    /** A store in {@code stateDir} (created on first write), e.g. {@code ~/.claude-telemetry/state}. */
    public FileHookStatusStore(Path stateDir) {
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir is null");
    }

    @Override
    public void recordFired(Fired fired) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("at", fired.at().toString());
        n.put("event", fired.event());
        n.put("session_id", fired.sessionId());
        write(FIRED, n);
    }

    @Override
    public void recordOutcome(Outcome outcome) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("at", outcome.at().toString());
        n.put("event", outcome.event());
        n.put("session_id", outcome.sessionId());
        n.put("ok", outcome.ok());
        n.put("error", outcome.error());
        n.put("records_added", outcome.recordsAdded());
        n.put("records_updated", outcome.recordsUpdated());
        n.put("elapsed_ms", outcome.elapsed().toMillis());
        write(OUTCOME, n);
        write(outcome.ok() ? SUCCESS : ERROR, n);
    }

    @Override
    public HookStatus status() {
        return new HookStatus(read(FIRED, FileHookStatusStore::toFired), read(OUTCOME, FileHookStatusStore::toOutcome),
                read(SUCCESS, FileHookStatusStore::toOutcome), read(ERROR, FileHookStatusStore::toOutcome));
    }

    private static Fired toFired(JsonNode n) {
        return new Fired(Instant.parse(n.path("at").asText()), n.path("event").asText(),
                n.path("session_id").asText());
    }

    private static Outcome toOutcome(JsonNode n) {
        return new Outcome(Instant.parse(n.path("at").asText()), n.path("event").asText(),
                n.path("session_id").asText(), n.path("ok").asBoolean(), n.path("error").asText(),
                n.path("records_added").asLong(), n.path("records_updated").asLong(),
                Duration.ofMillis(n.path("elapsed_ms").asLong()));
    }

    private <T> Optional<T> read(String name, Function<JsonNode, T> mapping) {
        try {
            return Optional.of(mapping.apply(JsonTreeReader.read(Files.readAllBytes(stateDir.resolve(name)))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // A damaged status file must not break doctor; the next hook rewrites it.
            log.debug("unreadable hook status {}: {}", name, e.toString());
            return Optional.empty();
        }
    }

    private void write(String name, JsonNode content) {
        try {
            AtomicFile.write(stateDir.resolve(name), writer.bytes(content));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write hook status " + name, e);
        }
    }
}
