package dev.cctelemetry.core.transcript;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * The transcripts under some roots, one at a time, in {@link PathOrder} of their paths (the order in which the
 * ledger sorts its checkpoints), so a caller can match them with checkpoints a window at a time and nothing
 * grows with the number of files: one folder's names are listed at a time (plus the names still to visit in the
 * folders above it), and no set of every folder seen is kept.
 *
 * <p>Order: a folder's entries are visited by name, a folder's name taken with a trailing {@code /}, so that
 * {@code s.jsonl} comes before {@code s/subagents/…} as their full paths sort. Whether an entry is a folder is
 * known only after a {@code stat}, so every name not ending in {@code .jsonl} is sorted as a folder (other files
 * are ignored anyway); a folder named {@code *.jsonl} may come slightly out of order, which costs a caller that
 * relies on the order only a lookup, never a file.
 *
 * <p>Links: a link is followed only when its target lies inside one of the roots. A link to a folder inside a
 * tree this walk covers anyway is not followed (that folder is read under its own path); other linked folders are
 * read once each, and a folder that is one of the walk's starting points is never entered twice, so loops end.
 */
public final class TranscriptWalk implements Iterator<TranscriptFile> {

    private final List<Path> realRoots;
    /** Real paths of the trees the walk starts from: a link into one of them is read there instead. */
    private final List<Path> realTops;
    /** Identities of the starting folders and of every folder entered through a link. */
    private final Set<Object> entered = new HashSet<>();
    private final Deque<Top> tops;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private TranscriptFile next;
    private int unreadable;

    /**
     * A walk over the roots' {@code projects/} folders, or only the named project folders under them.
     *
     * @param projectDirs encoded project folder names under {@code projects/}; empty for all of them
     */
    TranscriptWalk(List<ClaudeRoot> roots, Set<String> projectDirs) {
        this.realRoots = new ArrayList<>();
        for (ClaudeRoot r : roots) {
            try {
                realRoots.add(r.dir().toRealPath());
            } catch (IOException e) {
                LoggerFactory.getLogger(TranscriptWalk.class).debug("root {} unreadable: {}", r.dir(), e.toString());
            }
        }
        List<Top> found = new ArrayList<>();
        for (ClaudeRoot root : roots) {
            Path projects = root.projects();
            if (!Files.isDirectory(projects)) {
                continue;
            }
            if (projectDirs.isEmpty()) {
                found.add(new Top(root, projects, List.of()));
                continue;
            }
            for (String name : projectDirs) {
                Path dir = projects.resolve(name).normalize();
                // A name is one folder of projects/, never a path that leaves it.
                if (dir.getParent() != null && dir.getParent().equals(projects) && Files.isDirectory(dir)) {
                    found.add(new Top(root, dir, List.of(dir.getFileName().toString())));
                }
            }
        }
        found.sort(new TopOrder());
        this.tops = new ArrayDeque<>(found);
        this.realTops = new ArrayList<>();
        for (Top t : found) {
            try {
                realTops.add(t.dir.toRealPath());
            } catch (IOException e) {
                // listed below, where it counts as unreadable
            }
        }
    }

    /** Whether another transcript follows. */
    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    /** The next transcript in path order. */
    @Override
    public TranscriptFile next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        TranscriptFile f = next;
        next = null;
        return f;
    }

    /** Folders that could not be listed so far. */
    public int unreadable() {
        return unreadable;
    }

    private TranscriptFile advance() {
        while (true) {
            Frame f = stack.peek();
            if (f == null) {
                Top top = tops.poll();
                if (top == null) {
                    return null;
                }
                try {
                    if (entered.add(identity(top.dir, Files.readAttributes(top.dir, BasicFileAttributes.class)))) {
                        list(top.root, top.dir, top.names);
                    }
                } catch (IOException e) {
                    unreadable++;
                }
                continue;
            }
            if (f.next == f.keys.length) {
                stack.pop();
                continue;
            }
            String key = f.keys[f.next++];
            String name = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
            TranscriptFile found = visit(f, f.dir.resolve(name), name);
            if (found != null) {
                return found;
            }
        }
    }

    /** Looks at one entry: a transcript is returned, a folder is listed (pushed), anything else passed over. */
    private TranscriptFile visit(Frame f, Path p, String name) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                Path target;
                try {
                    target = p.toRealPath();
                } catch (IOException e) {
                    return null; // dangling link
                }
                if (!insideAny(target, realRoots)) {
                    return null; // points outside every Claude root: not ours to read
                }
                a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.isDirectory() && (insideAny(target, realTops) || !entered.add(identity(p, a)))) {
                    return null; // read under its own path, or entered once already
                }
            }
        } catch (IOException e) {
            return null; // vanished since the folder was listed
        }
        if (a.isDirectory()) {
            try {
                if (!entered.contains(identity(p, a))) {
                    List<String> deeper = new ArrayList<>(f.names.size() + 1);
                    deeper.addAll(f.names);
                    deeper.add(name);
                    list(f.root, p, deeper);
                }
            } catch (IOException e) {
                unreadable++;
            }
            return null;
        }
        if (a.isRegularFile() && name.endsWith(".jsonl")) {
            return TranscriptDiscovery.describe(f.root, p, f.names, name, a);
        }
        return null;
    }

    /** Lists {@code dir}'s names in walk order and makes it the current folder. */
    private void list(ClaudeRoot root, Path dir, List<String> names) {
        List<String> keys = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                keys.add(name.endsWith(".jsonl") ? name : name + "/");
            }
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(TranscriptWalk.class).debug("cannot list {}: {}", dir, e.toString());
            unreadable++;
            return;
        }
        String[] sorted = keys.toArray(new String[0]);
        Arrays.sort(sorted, PathOrder.INSTANCE);
        stack.push(new Frame(root, dir, names, sorted));
    }

    /**
     * What tells one folder from another: its file identity (device and inode) where the file system has one,
     * else its real path.
     */
    private static Object identity(Path dir, BasicFileAttributes attrs) throws IOException {
        Object key = attrs.fileKey();
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

    /** Starting folders in the order of the paths under them (a class, not a lambda: see QuickSync). */
    private static final class TopOrder implements java.util.Comparator<Top> {
        @Override
        public int compare(Top a, Top b) {
            return PathOrder.INSTANCE.compare(a.dir + "/", b.dir + "/");
        }
    }

    /** Where a walk starts: a {@code projects/} folder, or one project folder under it. */
    private record Top(ClaudeRoot root, Path dir, List<String> names) {
    }

    /** A folder being visited: its names under {@code projects/} and its entries' sort keys, the next to visit. */
    private static final class Frame {
        final ClaudeRoot root;
        final Path dir;
        final List<String> names;
        final String[] keys;
        int next;

        Frame(ClaudeRoot root, Path dir, List<String> names, String[] keys) {
            this.root = root;
            this.dir = dir;
            this.names = names;
            this.keys = keys;
        }
    }
}
