package dev.cctelemetry.core.sync;

import dev.cctelemetry.core.transcript.CheckpointLookup;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.FileCheckpoint;
import dev.cctelemetry.core.transcript.TranscriptDiscovery;
import dev.cctelemetry.core.transcript.TranscriptFile;
import dev.cctelemetry.core.transcript.TranscriptWindows;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Tells that a sync would read nothing, from checkpoints a ledger published ({@link
 * dev.cctelemetry.core.port.out.Ledger#publishCheckpoints}) instead of the ledger itself: every transcript under
 * the roots looks exactly as its checkpoint says (same identity, size and time). That is {@link SyncService}'s own
 * test for skipping a file, so when it holds for every file, the sync's summary is known without opening anything:
 * what it scanned, and nothing read. When a single file is new or has changed, the answer is "don't know", and the
 * caller runs the sync. Transcripts are walked and matched a window at a time, so a history of any size costs the
 * same memory.
 */
public final class NoChangeCheck {

    private final TranscriptDiscovery discovery = new TranscriptDiscovery();
    /**
     * Made with the check, not in it: a first sync (which makes the launcher's class-data archive) constructs a
     * check without running it, and a class that only a quick sync loads would make the JVM open the jar.
     */
    private final Predicate<TranscriptFile> every = new Every();

    /**
     * The summary a sync of {@code roots} would give, when it would read nothing; empty when it would.
     *
     * @param checkpoints the ledger's checkpoints as published, asked for window by window in path order
     * @param nanoTime monotonic clock
     * @param startNanos when the caller started (the summary's elapsed time counts from there)
     * @throws IOException when the checkpoints cannot be read
     */
    public Optional<SyncSummary> check(List<ClaudeRoot> roots, CheckpointLookup checkpoints, LongSupplier nanoTime,
            long startNanos) throws IOException {
        if (roots.isEmpty()) {
            return Optional.empty();
        }
        TranscriptWindows windows = new TranscriptWindows(discovery.walk(roots, Set.of()), every,
                TranscriptWindows.DEFAULT_SIZE);
        for (TranscriptWindows.Window w = windows.next(); !w.isEmpty(); w = windows.next()) {
            Map<String, FileCheckpoint> known = checkpoints.between(w.first(), w.last());
            for (TranscriptFile f : w.files()) {
                FileCheckpoint cp = known.get(f.path().toString());
                if (cp == null || !cp.unchanged(f)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new SyncSummary(windows.files(), 0, 0, 0, 0, 0, 0,
                Duration.ofNanos(nanoTime.getAsLong() - startNanos), false));
    }

    /** Every file (a class, not a lambda: linking a lambda's call site is a noticeable part of a quick sync). */
    private static final class Every implements Predicate<TranscriptFile> {
        @Override
        public boolean test(TranscriptFile f) {
            return true;
        }
    }
}
