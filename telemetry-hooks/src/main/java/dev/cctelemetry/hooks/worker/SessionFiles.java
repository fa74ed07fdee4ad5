package dev.cctelemetry.hooks.worker;

import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.TranscriptFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The transcript files of one session: its main transcript(s), its {@code <session>/subagents/} files and the
 * flat {@code agent-*.jsonl} files of its project that belong to it. Paths are real (symlinks resolved).
 *
 * @param roots the roots that hold the files; a sync needs to scan only these
 * @param mainTranscripts the session's main transcripts (usually one)
 * @param files every selected file, main transcripts included
 */
public record SessionFiles(List<ClaudeRoot> roots, List<Path> mainTranscripts, List<Path> files) {

    public SessionFiles {
        roots = List.copyOf(roots);
        mainTranscripts = List.copyOf(mainTranscripts);
        files = List.copyOf(files);
        if (!files.containsAll(mainTranscripts)) {
            throw new IllegalArgumentException("every main transcript must be among the files");
        }
    }

    /** No files: the session has no transcript on this machine. */
    public static SessionFiles none() {
        return new SessionFiles(List.of(), List.of(), List.of());
    }

    /** Whether there is nothing to sync. */
    public boolean isEmpty() {
        return files.isEmpty();
    }

    /**
     * Selects, among the files a sync discovers, exactly these. Discovery reports paths as reached through the
     * root, which may differ from the real paths kept here, so a candidate is compared by its real path (after a
     * cheap file-name check, so that unrelated files cost no extra system call).
     */
    public Predicate<TranscriptFile> predicate() {
        Set<Path> real = new HashSet<>(files);
        Set<String> names = new HashSet<>();
        for (Path f : files) {
            names.add(f.getFileName().toString());
        }
        return f -> {
            if (!names.contains(f.path().getFileName().toString())) {
                return false;
            }
            if (real.contains(f.path())) {
                return true;
            }
            try {
                return real.contains(f.path().toRealPath());
            } catch (IOException e) {
                return false;
            }
        };
    }

    /**
     * An incremental sync of exactly these files, found once here and not looked for again: each is named by its
     * path as reached through its root (the ledger's checkpoints are keyed that way, as a full sync reaches the
     * file). When a file's real path is not under its root's real {@code projects/} (a symlink renamed a folder),
     * the files are picked out of a walk of the roots instead, by real path.
     */
    public SyncRequest syncRequest() {
        List<Path> throughRoots = new ArrayList<>(files.size());
        for (Path real : files) {
            Optional<Path> p = throughRoot(real);
            if (p.isEmpty()) {
                return new SyncRequest(roots, false, predicate());
            }
            throughRoots.add(p.get());
        }
        return SyncRequest.files(roots, throughRoots);
    }

    /** {@code real} as reached through a root's {@code projects/}, when it lies under that folder's real path. */
    private Optional<Path> throughRoot(Path real) {
        for (ClaudeRoot r : roots) {
            try {
                Path projectsReal = r.projects().toRealPath();
                if (real.startsWith(projectsReal)) {
                    return Optional.of(r.projects().resolve(projectsReal.relativize(real)));
                }
            } catch (IOException e) {
                // a root gone meanwhile: try the next
            }
        }
        return Optional.empty();
    }
}
