package dev.cctelemetry.hooks.worker;

import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.TranscriptFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
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
     * An incremental sync of these files only, walking only the project folders that hold them when each is a
     * folder of a root's {@code projects/} (always, unless a symlink renamed it; then the whole roots).
     */
    public SyncRequest syncRequest() {
        Set<String> projectDirs = new HashSet<>();
        for (Path main : mainTranscripts) {
            Path dir = main.getParent();
            String name = dir == null || dir.getFileName() == null ? null : dir.getFileName().toString();
            boolean underARoot = name != null && roots.stream()
                    .anyMatch(r -> java.nio.file.Files.isDirectory(r.projects().resolve(name)));
            if (!underARoot) {
                return new SyncRequest(roots, false, predicate());
            }
            projectDirs.add(name);
        }
        return new SyncRequest(roots, false, predicate(), projectDirs);
    }
}
