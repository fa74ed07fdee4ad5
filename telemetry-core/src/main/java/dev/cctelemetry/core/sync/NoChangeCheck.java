package dev.cctelemetry.core.sync;

import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.FileCheckpoint;
import dev.cctelemetry.core.transcript.TranscriptDiscovery;
import dev.cctelemetry.core.transcript.TranscriptFile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Tells that a sync would read nothing, from checkpoints a ledger published ({@link
 * dev.cctelemetry.core.port.out.Ledger#publishCheckpoints}) instead of the ledger itself: every transcript under
 * the roots looks exactly as its checkpoint says (same identity, size and time) and was read to its end. That is
 * {@link SyncService}'s own test for skipping a file, so when it holds for every file, the sync's summary is
 * known without opening anything: what it scanned, and nothing read. When a single file is new, has grown, or
 * holds a partial last line, the answer is "don't know", and the caller runs the sync.
 */
public final class NoChangeCheck {

    private final TranscriptDiscovery discovery = new TranscriptDiscovery();

    /**
     * The summary a sync of {@code roots} would give, when it would read nothing; empty when it would.
     *
     * @param checkpoints the ledger's checkpoints by path, as published
     * @param nanoTime monotonic clock
     * @param startNanos when the caller started (the summary's elapsed time counts from there)
     */
    public Optional<SyncSummary> check(List<ClaudeRoot> roots, Map<String, FileCheckpoint> checkpoints,
            LongSupplier nanoTime, long startNanos) {
        if (roots.isEmpty()) {
            return Optional.empty();
        }
        List<TranscriptFile> files = discovery.discover(roots).files();
        for (TranscriptFile f : files) {
            FileCheckpoint cp = checkpoints.get(f.path().toString());
            if (cp == null || !cp.unchanged(f)) {
                return Optional.empty();
            }
        }
        return Optional.of(new SyncSummary(files.size(), 0, 0, 0, 0, 0, 0,
                Duration.ofNanos(nanoTime.getAsLong() - startNanos), false));
    }
}
