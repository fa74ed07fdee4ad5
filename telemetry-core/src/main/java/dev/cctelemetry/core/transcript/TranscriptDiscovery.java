package dev.cctelemetry.core.transcript;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds every {@code *.jsonl} transcript under the roots' {@code projects/} folders, at any depth: main
 * sessions, flat {@code agent-*.jsonl} files and {@code <session>/subagents/*.jsonl}. Symlinks are followed
 * only when their target lies inside one of the roots, and a directory reached twice (a loop) is read once.
 * Unreadable entries are skipped and counted, never fatal.
 */
public final class TranscriptDiscovery {

    private static final Logger log = LoggerFactory.getLogger(TranscriptDiscovery.class);

    /** Finds transcripts under the given roots, sorted by path. */
    public Result discover(List<ClaudeRoot> roots) {
        return discover(roots, java.util.Set.of());
    }

    /**
     * Finds transcripts under the given roots, walking only the named project folders when some are given.
     *
     * @param projectDirs encoded project folder names under {@code projects/}; empty for all of them
     */
    public Result discover(List<ClaudeRoot> roots, java.util.Set<String> projectDirs) {
        List<Path> realRoots = new ArrayList<>();
        for (ClaudeRoot r : roots) {
            try {
                realRoots.add(r.dir().toRealPath());
            } catch (IOException e) {
                log.debug("root {} unreadable: {}", r.dir(), e.toString());
            }
        }
        List<TranscriptFile> files = new ArrayList<>();
        int[] unreadable = {0};
        Set<Path> visitedDirs = new HashSet<>();
        for (ClaudeRoot root : roots) {
            Path projects = root.projects();
            if (!Files.isDirectory(projects)) {
                continue;
            }
            if (projectDirs.isEmpty()) {
                walk(root, projects, projects, realRoots, visitedDirs, files, unreadable);
                continue;
            }
            for (String name : projectDirs) {
                Path dir = projects.resolve(name).normalize();
                // A name is one folder of projects/, never a path that leaves it.
                if (dir.getParent() != null && dir.getParent().equals(projects) && Files.isDirectory(dir)) {
                    walk(root, projects, dir, realRoots, visitedDirs, files, unreadable);
                }
            }
        }
        files.sort(Comparator.comparing(f -> f.path().toString()));
        return new Result(files, unreadable[0]);
    }

    private void walk(ClaudeRoot root, Path projects, Path dir, List<Path> realRoots, Set<Path> visitedDirs,
            List<TranscriptFile> out, int[] unreadable) {
        try {
            if (!visitedDirs.add(dir.toRealPath())) {
                return;
            }
        } catch (IOException e) {
            unreadable[0]++;
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attrs.isSymbolicLink()) {
                    Path target;
                    try {
                        target = p.toRealPath();
                    } catch (IOException e) {
                        continue; // dangling link
                    }
                    if (realRoots.stream().noneMatch(target::startsWith)) {
                        continue; // points outside every Claude root: not ours to read
                    }
                    attrs = Files.readAttributes(p, BasicFileAttributes.class);
                }
                if (attrs.isDirectory()) {
                    walk(root, projects, p, realRoots, visitedDirs, out, unreadable);
                } else if (attrs.isRegularFile() && p.getFileName().toString().endsWith(".jsonl")) {
                    out.add(describe(root, projects, p, attrs));
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("cannot list {}: {}", dir, e.toString());
            unreadable[0]++;
        }
    }

    /** Describes one file found under {@code projects}; exposed for the hook worker's single-session path. */
    public static TranscriptFile describe(ClaudeRoot root, Path projects, Path file, BasicFileAttributes attrs) {
        Path rel = projects.relativize(file);
        int n = rel.getNameCount();
        String projectDir = n > 1 ? rel.getName(0).toString() : "";
        String stem = stem(file.getFileName().toString());
        String session;
        if (n >= 4 && rel.getName(n - 2).toString().equals("subagents")) {
            session = rel.getName(n - 3).toString();
        } else {
            session = stem;
        }
        Object key = attrs.fileKey();
        return new TranscriptFile(root, file, projectDir, session, attrs.size(),
                attrs.lastModifiedTime().toMillis(), key == null ? "" : key.toString());
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
