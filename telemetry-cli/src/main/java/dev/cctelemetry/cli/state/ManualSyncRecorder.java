package dev.cctelemetry.cli.state;

import dev.cctelemetry.core.io.AtomicFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("at", at.toString());
        n.put("ok", ok);
        n.put("error", ok ? "" : error);
        n.put("detail", detail);
        try {
            AtomicFile.write(file, new ObjectMapper().writeValueAsBytes(n));
        } catch (IOException e) {
            // best effort: status is informational
        }
    }
}
