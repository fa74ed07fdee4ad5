package dev.cctelemetry.core.transcript;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A walk's transcripts cut into windows of a bounded number of files, so that a caller matches each window with
 * its checkpoints (one range lookup) and works on it before walking on: memory then depends on the window's size,
 * never on the history's. A tree of a few thousand transcripts is one window.
 */
public final class TranscriptWindows {

    /** Files per window: every realistic tree so far fits one (the 1.5 GB benchmark tree has 2,290 files). */
    public static final int DEFAULT_SIZE = 8192;

    private final Iterator<TranscriptFile> walk;
    private final Predicate<TranscriptFile> only;
    private final int size;
    private int files;

    /**
     * Windows over {@code walk} (a {@link TranscriptWalk}, or files described beforehand, in path order).
     *
     * @param only keeps the files a caller wants (the others are walked past, never counted)
     * @param size files per window, at least 1
     */
    public TranscriptWindows(Iterator<TranscriptFile> walk, Predicate<TranscriptFile> only, int size) {
        this.walk = Objects.requireNonNull(walk, "walk is null");
        this.only = Objects.requireNonNull(only, "only is null");
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1");
        }
        this.size = size;
    }

    /** The next window; {@link Window#isEmpty() empty} once the walk is over. */
    public Window next() {
        List<TranscriptFile> out = new ArrayList<>(Math.min(size, 1024));
        String first = null;
        String last = null;
        while (out.size() < size && walk.hasNext()) {
            TranscriptFile f = walk.next();
            if (!only.test(f)) {
                continue;
            }
            out.add(f);
            String p = f.path().toString();
            // Walk order is path order but for oddities (a folder named *.jsonl, nested roots): take the bounds
            // as they are, so the window's lookup never misses one of its files.
            if (first == null || PathOrder.INSTANCE.compare(p, first) < 0) {
                first = p;
            }
            if (last == null || PathOrder.INSTANCE.compare(p, last) > 0) {
                last = p;
            }
        }
        files += out.size();
        return new Window(out, first, last);
    }

    /** Files handed out so far. */
    public int files() {
        return files;
    }

    /**
     * Some transcripts and the bounds of their paths.
     *
     * @param files the transcripts, in walk order
     * @param first the smallest path in {@link PathOrder} (null when empty)
     * @param last the largest path (null when empty)
     */
    public record Window(List<TranscriptFile> files, String first, String last) {
        public Window {
            files = List.copyOf(files);
        }

        /** Whether the walk had nothing more. */
        public boolean isEmpty() {
            return files.isEmpty();
        }
    }
}
