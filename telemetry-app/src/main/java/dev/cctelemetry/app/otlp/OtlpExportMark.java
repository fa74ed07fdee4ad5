package dev.cctelemetry.app.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cctelemetry.app.state.JsonStatusFile;
import dev.cctelemetry.core.io.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The change sequence up to which the ledger's records were sent to one OTLP endpoint ({@code state/
 * otlp-export.json}): the same kind of mark the PostgreSQL push keeps, apart from it, so exporting never makes the
 * store's push resend the whole history. A mark stored for another endpoint counts as none: a new backend gets
 * everything.
 */
final class OtlpExportMark {

    private final Path file;

    OtlpExportMark(Path file) {
        this.file = file;
    }

    /** The sequence sent to {@code endpoint}, 0 when nothing was. */
    long read(String endpoint) {
        Optional<JsonNode> n = JsonStatusFile.read(file);
        if (n.isEmpty() || !endpoint.equals(n.get().path("endpoint").asText()) || !n.get().path("seq").canConvertToLong()) {
            return 0;
        }
        return Math.max(0, n.get().path("seq").asLong());
    }

    /** Stores the mark once the endpoint accepted everything up to {@code seq}; durable when it returns. */
    void write(String endpoint, long seq) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("endpoint", endpoint);
            g.writeNumberField("seq", seq);
            g.writeEndObject();
        }
        AtomicFile.write(file, bytes.toByteArray());
    }
}
