package dev.cctelemetry.app.state;

import dev.cctelemetry.core.io.AtomicFile;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes {@code state/sync-manual.json} after a {@code cc-telemetry sync}, so that {@code status} can show the
 * last manual sync next to the hook and daemon ones. Same shape as {@link SyncOutcome} reads.
 */
public final class ManualSyncRecorder {

    private final Path file;

    /** A recorder writing {@code file}. */
    public ManualSyncRecorder(Path file) {
        this.file = file;
    }

    /** Records one sync's outcome; best effort (a status file must never fail the sync itself). */
    public void record(Instant at, boolean ok, String error, String detail) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(128);
            // The streaming writer: an object mapper would cost a quick sync more than the sync itself.
            try (JsonGenerator g = new JsonFactory().createGenerator(bytes)) {
                g.writeStartObject();
                g.writeStringField("at", IsoInstant.format(at));
                g.writeBooleanField("ok", ok);
                g.writeStringField("error", ok ? "" : error);
                g.writeStringField("detail", detail);
                g.writeEndObject();
            }
            AtomicFile.write(file, bytes.toByteArray());
        } catch (IOException e) {
            // best effort: status is informational
        }
    }
}
