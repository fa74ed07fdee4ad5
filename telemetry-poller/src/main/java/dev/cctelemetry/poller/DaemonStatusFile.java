package dev.cctelemetry.poller;

import dev.cctelemetry.core.io.AtomicFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.core.sync.SyncSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The last pass's outcome ({@code <home>/state/daemon-status.json}), for {@code doctor} and
 * {@code service-status}: time, ok or the error, counts, consecutive failures and when the next pass is due.
 * Replaced atomically, so a reader never sees half a file.
 */
public final class DaemonStatusFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    /** The status file at {@code file}. */
    public DaemonStatusFile(Path file) {
        this.file = file;
    }

    /** Where the status lives. */
    public Path file() {
        return file;
    }

    /**
     * Records a pass.
     *
     * @param outcome the pass
     * @param consecutiveFailures failed passes in a row, this one included
     * @param nextPass when the next pass is due (wall clock, an estimate)
     * @param pid the daemon's process id
     */
    public void record(PassOutcome outcome, int consecutiveFailures, Instant nextPass, long pid) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("time", outcome.started().toString());
        n.put("ok", outcome.ok());
        n.put("error", outcome.error().orElse(null));
        n.put("roots", outcome.roots());
        Optional<SyncSummary> s = outcome.summary();
        n.put("filesChecked", s.map(SyncSummary::filesScanned).orElse(0));
        n.put("filesRead", s.map(SyncSummary::filesRead).orElse(0));
        n.put("bytesRead", s.map(SyncSummary::bytesRead).orElse(0L));
        n.put("sessionsReconciled", s.map(SyncSummary::sessionsTouched).orElse(0));
        n.put("recordsAdded", s.map(SyncSummary::newRecords).orElse(0L));
        n.put("recordsUpdated", s.map(SyncSummary::updatedRecords).orElse(0L));
        n.put("elapsedMillis", outcome.elapsed().toMillis());
        n.put("consecutiveFailures", consecutiveFailures);
        n.put("nextPassAt", nextPass.toString());
        n.put("pid", pid);
        AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    }

    /** The recorded status; empty when no pass was ever recorded or the file is unreadable. */
    public Optional<JsonNode> read() {
        try {
            return Optional.of(JSON.readTree(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
