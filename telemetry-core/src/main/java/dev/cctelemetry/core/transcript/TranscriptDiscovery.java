package dev.cctelemetry.core.transcript;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
        return discover(roots, Set.of());
    }

    /**
     * Finds transcripts under the given roots, walking only the named project folders when some are given.
     *
     * @param projectDirs encoded project folder names under {@code projects/}; empty for all of them
     */
    public Result discover(List<ClaudeRoot> roots, Set<String> projectDirs) {
        List<Path> realRoots = new ArrayList<>();
        for (ClaudeRoot r : roots) {
            try {
                realRoots.add(r.dir().toRealPath());
            } catch (IOException e) {
                log().debug("root {} unreadable: {}", r.dir(), e.toString());
            }
        }
        Walk walk = new Walk(realRoots);
        List<TranscriptFile> files = new ArrayList<>();
        for (ClaudeRoot root : roots) {
            Path projects = root.projects();
            if (!Files.isDirectory(projects)) {
                continue;
            }
            if (projectDirs.isEmpty()) {
                walk.projects(root, projects, files);
                continue;
            }
            for (String name : projectDirs) {
                Path dir = projects.resolve(name).normalize();
                // A name is one folder of projects/, never a path that leaves it.
                if (dir.getParent() != null && dir.getParent().equals(projects) && Files.isDirectory(dir)) {
                    walk.folder(root, dir, null, List.of(dir.getFileName().toString()), files);
                }
            }
        }
        files.sort(BY_PATH);
        return new Result(files, walk.unreadable.get());
    }

    /** Project folders under one {@code projects/} beyond which the walk takes a second thread. */
    private static final int PARALLEL_FROM = 16;

    /**
     * One walk over the roots: the folders seen (shared by its threads) and the unreadable ones counted.
     * Folder names under {@code projects/} are carried down rather than worked out again from each file's path,
     * which was most of what describing a file cost.
     */
    private static final class Walk {
        private final List<Path> realRoots;
        private final Set<Object> visitedDirs = ConcurrentHashMap.newKeySet();
        private final AtomicInteger unreadable = new AtomicInteger();

        Walk(List<Path> realRoots) {
            this.realRoots = realRoots;
        }

        /**
         * Walks a {@code projects/} folder: its project folders split between this thread and a second one when
         * there are many (a quick sync with nothing new is mostly this walk).
         */
        void projects(ClaudeRoot root, Path projects, List<TranscriptFile> out) {
            List<Path> folders = new ArrayList<>();
            List<BasicFileAttributes> folderAttrs = new ArrayList<>();
            list(root, projects, null, List.of(), out, folders, folderAttrs);
            int split = folders.size() < PARALLEL_FROM ? folders.size() : folders.size() / 2;
            SecondHalf second = new SecondHalf(this, root, folders.subList(split, folders.size()),
                    folderAttrs.subList(split, folders.size()));
            Thread helper = null;
            if (split < folders.size()) {
                helper = new Thread(second, "cct-discovery");
                helper.setDaemon(true);
                helper.start();
            }
            projectFolders(root, folders.subList(0, split), folderAttrs.subList(0, split), out);
            if (helper != null) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while walking " + projects, e);
                }
                out.addAll(second.found);
            }
        }

        /** Walks project folders (folders right under {@code projects/}, with their attributes). */
        void projectFolders(ClaudeRoot root, List<Path> folders, List<BasicFileAttributes> attrs,
                List<TranscriptFile> out) {
            for (int i = 0; i < folders.size(); i++) {
                folder(root, folders.get(i), attrs.get(i), List.of(folders.get(i).getFileName().toString()), out);
            }
        }

        /** Walks {@code dir} (its attributes when known, else null) and everything under it. */
        void folder(ClaudeRoot root, Path dir, BasicFileAttributes attrs, List<String> names,
                List<TranscriptFile> out) {
            List<Path> folders = new ArrayList<>();
            List<BasicFileAttributes> folderAttrs = new ArrayList<>();
            list(root, dir, attrs, names, out, folders, folderAttrs);
            for (int i = 0; i < folders.size(); i++) {
                Path sub = folders.get(i);
                List<String> deeper = new ArrayList<>(names.size() + 1);
                deeper.addAll(names);
                deeper.add(sub.getFileName().toString());
                folder(root, sub, folderAttrs.get(i), deeper, out);
            }
        }

        /**
         * Lists one folder once: its transcripts go to {@code out}, its folders (with their attributes) to
         * {@code folders}, for the caller to walk.
         */
        private void list(ClaudeRoot root, Path dir, BasicFileAttributes attrs, List<String> names,
                List<TranscriptFile> out, List<Path> folders, List<BasicFileAttributes> folderAttrs) {
            try {
                if (!visitedDirs.add(identity(dir, attrs))) {
                    return; // reached before (through a link): read once
                }
            } catch (IOException e) {
                unreadable.incrementAndGet();
                return;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (a.isSymbolicLink()) {
                        Path target;
                        try {
                            target = p.toRealPath();
                        } catch (IOException e) {
                            continue; // dangling link
                        }
                        if (!insideAny(target, realRoots)) {
                            continue; // points outside every Claude root: not ours to read
                        }
                        a = Files.readAttributes(p, BasicFileAttributes.class);
                    }
                    if (a.isDirectory()) {
                        folders.add(p);
                        folderAttrs.add(a);
                    } else if (a.isRegularFile()) {
                        String name = p.getFileName().toString();
                        if (name.endsWith(".jsonl")) {
                            out.add(describe(root, p, names, name, a));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                log().debug("cannot list {}: {}", dir, e.toString());
                unreadable.incrementAndGet();
            }
        }

        /**
         * What tells one folder from another: its file identity (device and inode) where the file system has one,
         * else its real path. A folder reached twice through links has one identity. {@code attrs}, when known,
         * are the folder's own (a link's target's, for a link).
         */
        private static Object identity(Path dir, BasicFileAttributes attrs) throws IOException {
            Object key = (attrs != null ? attrs : Files.readAttributes(dir, BasicFileAttributes.class)).fileKey();
            return key != null ? key : dir.toRealPath();
        }
    }

    /** The second thread's share of a {@code projects/} folder, and what it found there. */
    private static final class SecondHalf implements Runnable {
        private final Walk walk;
        private final ClaudeRoot root;
        private final List<Path> folders;
        private final List<BasicFileAttributes> attrs;
        final List<TranscriptFile> found = new ArrayList<>();

        SecondHalf(Walk walk, ClaudeRoot root, List<Path> folders, List<BasicFileAttributes> attrs) {
            this.walk = walk;
            this.root = root;
            this.folders = folders;
            this.attrs = attrs;
        }

        @Override
        public void run() {
            walk.projectFolders(root, folders, attrs, found);
        }
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
                        log().debug("cannot read {}: {}", file, e.toString());
                    }
                    break;
                }
            }
        }
        out.sort(BY_PATH);
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
