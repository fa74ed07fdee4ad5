package dev.cctelemetry.core.transcript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Finds every {@code *.jsonl} transcript under the roots' {@code projects/} folders, at any depth: main
 * sessions, flat {@code agent-*.jsonl} files and {@code <session>/subagents/*.jsonl}, by a {@link TranscriptWalk}
 * (which says how links and loops are handled). Unreadable entries are skipped and counted, never fatal.
 */
public final class TranscriptDiscovery {

    /** Finds transcripts under the given roots, in {@link PathOrder} of their paths. */
    public Result discover(List<ClaudeRoot> roots) {
        return discover(roots, Set.of());
    }

    /**
     * Finds transcripts under the given roots, walking only the named project folders when some are given. Holds
     * every file found: for a whole history, {@link #walk} visits them one at a time instead.
     *
     * @param projectDirs encoded project folder names under {@code projects/}; empty for all of them
     */
    public Result discover(List<ClaudeRoot> roots, Set<String> projectDirs) {
        TranscriptWalk walk = walk(roots, projectDirs);
        List<TranscriptFile> files = new ArrayList<>();
        while (walk.hasNext()) {
            files.add(walk.next());
        }
        return new Result(files, walk.unreadable());
    }

    /**
     * The transcripts under the given roots one at a time, in {@link PathOrder} of their paths, holding only the
     * folder being listed: what a sync of a history of any size walks.
     *
     * @param projectDirs encoded project folder names under {@code projects/}; empty for all of them
     */
    public TranscriptWalk walk(List<ClaudeRoot> roots, Set<String> projectDirs) {
        return new TranscriptWalk(roots, projectDirs);
    }

    /**
     * Describes files named beforehand (the hook worker found its session's files once), with one {@code stat}
     * each and no walk: each is described under the first root whose {@code projects/} holds it, as a walk would
     * describe it. A file under no root, gone, or not a regular file, is left out.
     */
    public static List<TranscriptFile> describe(List<ClaudeRoot> roots, List<Path> files) {
        List<TranscriptFile> out = new ArrayList<>(files.size());
        for (Path file : files) {
            for (ClaudeRoot root : roots) {
                Path projects = root.projects();
                if (file.startsWith(projects) && !file.equals(projects)) {
                    try {
                        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                        if (attrs.isRegularFile()) {
                            out.add(describe(root, projects, file, attrs));
                        }
                    } catch (IOException e) {
                        LoggerFactory.getLogger(TranscriptDiscovery.class).debug("cannot read {}: {}", file,
                                e.toString());
                    }
                    break;
                }
            }
        }
        out.sort(new ByPath());
        return out;
    }

    /** Describes one file found under {@code projects}. */
    public static TranscriptFile describe(ClaudeRoot root, Path projects, Path file, BasicFileAttributes attrs) {
        Path rel = projects.relativize(file);
        List<String> names = new ArrayList<>(rel.getNameCount());
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            names.add(rel.getName(i).toString());
        }
        return describe(root, file, names, file.getFileName().toString(), attrs);
    }

    /**
     * Describes {@code file}, named {@code name}, in the folders {@code names} under {@code projects/}: the first
     * is its project; a file in {@code <session>/subagents/} belongs to that session, any other to its own stem.
     */
    static TranscriptFile describe(ClaudeRoot root, Path file, List<String> names, String name,
            BasicFileAttributes attrs) {
        int folders = names.size();
        String projectDir = folders > 0 ? names.get(0) : "";
        String session = folders >= 3 && names.get(folders - 1).equals("subagents") ? names.get(folders - 2)
                : stem(name);
        Object key = attrs.fileKey();
        return new TranscriptFile(root, file, projectDir, session, attrs.size(),
                attrs.lastModifiedTime().toMillis(), key == null ? "" : key.toString());
    }

    /** Files in {@link PathOrder}, the walk's (a class, not a lambda: see QuickSync). */
    private static final class ByPath implements Comparator<TranscriptFile> {
        @Override
        public int compare(TranscriptFile a, TranscriptFile b) {
            return PathOrder.INSTANCE.compare(a.path().toString(), b.path().toString());
        }
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * What discovery found.
     *
     * @param files transcripts, sorted by path
     * @param unreadable directories that could not be listed
     */
    public record Result(List<TranscriptFile> files, int unreadable) {
        public Result {
            files = List.copyOf(files);
        }
    }
}
