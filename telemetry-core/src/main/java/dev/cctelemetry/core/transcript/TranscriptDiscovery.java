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

    /**
     * Looked up when something is logged, not when the class loads: a quick "anything new?" check walks the
     * transcripts and has nothing to log, and initializing logging would be a third of its time.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(TranscriptDiscovery.class);
    }

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
                log().debug("root {} unreadable: {}", r.dir(), e.toString());
            }
        }
        List<TranscriptFile> files = new ArrayList<>();
        int[] unreadable = {0};
        Set<Object> visitedDirs = new HashSet<>();
        for (ClaudeRoot root : roots) {
            Path projects = root.projects();
            if (!Files.isDirectory(projects)) {
                continue;
            }
            if (projectDirs.isEmpty()) {
                walk(root, projects, List.of(), realRoots, visitedDirs, files, unreadable);
                continue;
            }
            for (String name : projectDirs) {
                Path dir = projects.resolve(name).normalize();
                // A name is one folder of projects/, never a path that leaves it.
                if (dir.getParent() != null && dir.getParent().equals(projects) && Files.isDirectory(dir)) {
                    walk(root, dir, List.of(dir.getFileName().toString()), realRoots, visitedDirs, files,
                            unreadable);
                }
            }
        }
        files.sort(BY_PATH);
        return new Result(files, unreadable[0]);
    }

    /**
     * Walks {@code dir}, whose folder names under {@code projects/} are {@code names}: carried down rather than
     * worked out again from each file's path, which was most of what describing a file cost.
     */
    private void walk(ClaudeRoot root, Path dir, List<String> names, List<Path> realRoots, Set<Object> visitedDirs,
            List<TranscriptFile> out, int[] unreadable) {
        try {
            if (!visitedDirs.add(identity(dir))) {
                return; // reached before (through a link): read once
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
                    if (!insideAny(target, realRoots)) {
                        continue; // points outside every Claude root: not ours to read
                    }
                    attrs = Files.readAttributes(p, BasicFileAttributes.class);
                }
                String name = p.getFileName().toString();
                if (attrs.isDirectory()) {
                    List<String> deeper = new ArrayList<>(names.size() + 1);
                    deeper.addAll(names);
                    deeper.add(name);
                    walk(root, p, deeper, realRoots, visitedDirs, out, unreadable);
                } else if (attrs.isRegularFile() && name.endsWith(".jsonl")) {
                    out.add(describe(root, p, names, name, attrs));
                }
            }
        } catch (IOException | RuntimeException e) {
            log().debug("cannot list {}: {}", dir, e.toString());
            unreadable[0]++;
        }
    }

    /**
     * What tells one folder from another: its file identity (device and inode) where the file system has one,
     * else its real path. A folder reached twice through links has one identity.
     */
    private static Object identity(Path dir) throws IOException {
        Object key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
        return key != null ? key : dir.toRealPath();
    }

    private static boolean insideAny(Path target, List<Path> roots) {
        for (Path r : roots) {
            if (target.startsWith(r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Files in path order. A class, not a lambda: linking a lambda's call site is a noticeable part of a quick
     * sync's start.
     */
    private static final Comparator<TranscriptFile> BY_PATH = new Comparator<>() {
        @Override
        public int compare(TranscriptFile a, TranscriptFile b) {
            return a.path().toString().compareTo(b.path().toString());
        }
    };

    /** Describes one file found under {@code projects}; exposed for the hook worker's single-session path. */
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
    private static TranscriptFile describe(ClaudeRoot root, Path file, List<String> names, String name,
            BasicFileAttributes attrs) {
        int folders = names.size();
        String projectDir = folders > 0 ? names.get(0) : "";
        String session = folders >= 3 && names.get(folders - 1).equals("subagents") ? names.get(folders - 2)
                : stem(name);
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
