package dev.cctelemetry.core.sync;

import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.TranscriptFile;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What to ingest.
 *
 * @param roots Claude config roots to scan
 * @param force read every file from byte 0, ignoring checkpoints (dedupe keeps the ledger exact)
 * @param only restricts the ingest to some files (the hook worker reads one session's files)
 * @param projectDirs when not empty, only these encoded project folders under each root's {@code projects/} are
 *     walked (a hook's session lives in one), so a sync need not {@code stat} a whole history to find them
 */
public record SyncRequest(List<ClaudeRoot> roots, boolean force, Predicate<TranscriptFile> only,
        Set<String> projectDirs) {

    public SyncRequest {
        roots = List.copyOf(roots);
        Objects.requireNonNull(only, "only is null");
        projectDirs = Set.copyOf(projectDirs);
    }

    /** A request over whole roots. */
    public SyncRequest(List<ClaudeRoot> roots, boolean force, Predicate<TranscriptFile> only) {
        this(roots, force, only, Set.of());
    }

    /** An incremental sync of every transcript under the roots. */
    public static SyncRequest all(List<ClaudeRoot> roots) {
        return new SyncRequest(roots, false, f -> true);
    }
}
