package dev.cctelemetry.core.sync;

import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.TranscriptFile;
import java.nio.file.Path;
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
 * @param files when not empty, exactly these transcripts are read and no folder is walked (the hook worker names
 *     the files of its session, found once); each path as reached through its root's {@code projects/}, as a walk
 *     would reach it; a path under no root, or gone, is left out
 */
public record SyncRequest(List<ClaudeRoot> roots, boolean force, Predicate<TranscriptFile> only,
        Set<String> projectDirs, List<Path> files) {

    public SyncRequest {
        roots = List.copyOf(roots);
        Objects.requireNonNull(only, "only is null");
        projectDirs = Set.copyOf(projectDirs);
        files = List.copyOf(files);
    }

    /** A request over whole roots. */
    public SyncRequest(List<ClaudeRoot> roots, boolean force, Predicate<TranscriptFile> only) {
        this(roots, force, only, Set.of(), List.of());
    }

    /** A request over some project folders of the roots. */
    public SyncRequest(List<ClaudeRoot> roots, boolean force, Predicate<TranscriptFile> only,
            Set<String> projectDirs) {
        this(roots, force, only, projectDirs, List.of());
    }

    /** An incremental sync of exactly {@code files}, found under {@code roots} beforehand. */
    public static SyncRequest files(List<ClaudeRoot> roots, List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files named");
        }
        return new SyncRequest(roots, false, f -> true, Set.of(), files);
    }

    /** An incremental sync of every transcript under the roots. */
    public static SyncRequest all(List<ClaudeRoot> roots) {
        return new SyncRequest(roots, false, f -> true);
    }
}
