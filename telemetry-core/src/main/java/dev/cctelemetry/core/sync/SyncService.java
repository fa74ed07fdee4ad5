package dev.cctelemetry.core.sync;

import dev.cctelemetry.core.port.in.SyncUseCase;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.SyncLock;
import dev.cctelemetry.core.pricing.CostCalculator;
import dev.cctelemetry.core.transcript.FileCheckpoint;
import dev.cctelemetry.core.transcript.TranscriptDiscovery;
import dev.cctelemetry.core.transcript.TranscriptFile;
import dev.cctelemetry.core.transcript.TranscriptReader;
import dev.cctelemetry.core.transcript.TranscriptWindows;
import dev.cctelemetry.core.usage.SessionCostState;
import dev.cctelemetry.core.usage.TranscriptLineParser;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.core.usage.WinnerRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Comparator;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest: finds transcripts, reads what is new in each (in parallel, a bounded number of files in flight),
 * keeps one copy per API response within a batch, and commits batches of records together with the checkpoints
 * that cover them. Copies in different batches meet in the ledger's upsert, which applies the same
 * {@link WinnerRule}; so the result does not depend on batch boundaries or file order.
 */
public final class SyncService implements SyncUseCase {

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);
    /** Records per transaction: large enough to amortize the commit, small enough to keep memory flat. */
    public static final int DEFAULT_BATCH_RECORDS = 20_000;
    /** Records gathered before an idle committer is handed them: fewer would mostly pay for commits. */
    private static final int MIN_HANDOFF = 2_000;

    private final TranscriptDiscovery discovery;
    private final FileIngest ingest;
    private final Ledger ledger;
    private final SyncLock lock;
    private final LongSupplier nanoTime;
    private final int threads;
    private final int batchRecords;
    private final int windowSize;

    /**
     * A sync service.
     *
     * @param ledger where records go
     * @param lock the machine's sync lock
     * @param pricing prices records as they are read
     * @param nanoTime monotonic clock for the elapsed time
     * @param threads files read in parallel (at least 1)
     */
    public SyncService(Ledger ledger, SyncLock lock, CostCalculator pricing, LongSupplier nanoTime, int threads) {
        this(ledger, lock, pricing, nanoTime, threads, DEFAULT_BATCH_RECORDS);
    }

    /**
     * A sync service that commits every {@code batchRecords} records (the result is the same whatever the batch
     * size; smaller batches mean more, shorter transactions).
     *
     * @see #SyncService(Ledger, SyncLock, CostCalculator, LongSupplier, int)
     */
    public SyncService(Ledger ledger, SyncLock lock, CostCalculator pricing, LongSupplier nanoTime, int threads,
            int batchRecords) {
        this(ledger, lock, pricing, nanoTime, threads, batchRecords, TranscriptWindows.DEFAULT_SIZE);
    }

    /**
     * A sync service that also walks {@code windowSize} transcripts at a time (the result is the same whatever
     * the window; a window is what a sync holds of a history at once).
     *
     * @see #SyncService(Ledger, SyncLock, CostCalculator, LongSupplier, int, int)
     */
    public SyncService(Ledger ledger, SyncLock lock, CostCalculator pricing, LongSupplier nanoTime, int threads,
            int batchRecords, int windowSize) {
        if (windowSize < 1) {
            throw new IllegalArgumentException("windowSize must be at least 1");
        }
        this.windowSize = windowSize;
        if (batchRecords < 1) {
            throw new IllegalArgumentException("batchRecords must be at least 1");
        }
        this.batchRecords = batchRecords;
        this.discovery = new TranscriptDiscovery();
        // Every line goes to the parser, which dismisses non-billing lines by their top-level type after a few
        // hundred bytes; measured faster than a byte search for "usage" over whole lines (and every malformed
        // line is counted).
        this.ingest = new FileIngest(new TranscriptReader(), new TranscriptLineParser(), pricing);
        this.ledger = Objects.requireNonNull(ledger, "ledger is null");
        this.lock = Objects.requireNonNull(lock, "lock is null");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
    }

    @Override
    public SyncSummary sync(SyncRequest request, SyncProgress progress) throws IOException, InterruptedException {
        long t0 = nanoTime.getAsLong();
        try (SyncLock.Held held = lock.acquire()) {
            return syncLocked(request, progress, t0, held.previousHolderDied());
        }
    }

    private SyncSummary syncLocked(SyncRequest request, SyncProgress progress, long t0, boolean resumed)
            throws IOException, InterruptedException {
        if (resumed) {
            log.info("the previous sync was interrupted; resuming from its committed checkpoints");
        }
        // Files named beforehand (the hook worker's session) are described without a walk; else the roots are walked.
        Iterator<TranscriptFile> files = request.files().isEmpty()
                ? discovery.walk(request.roots(), request.projectDirs())
                : TranscriptDiscovery.describe(request.roots(), request.files()).iterator();
        TranscriptWindows windows = new TranscriptWindows(files, request.only(), windowSize);
        Totals totals = new Totals();
        ExecutorService readers = Executors.newFixedThreadPool(threads, daemon("cct-ingest"));
        // Commits run on their own thread so that reading and parsing go on while SQLite writes; at most one
        // batch is being committed and one being filled, which keeps memory flat whatever the tree's size. The
        // same thread looks up each window's checkpoints: the ledger is used by one thread at a time.
        ExecutorService committer = Executors.newSingleThreadExecutor(daemon("cct-commit"));
        Future<Ledger.CommitOutcome> pending = null;
        try {
            Batch batch = new Batch();
            // Results are taken as they complete, not in submission order, so a big file never leaves the other
            // reader idle. Order does not matter to the ledger (the winner rule is the same whatever comes first),
            // only to the time it takes: see readingOrder.
            CompletionService<FileIngest.Result> done = new ExecutorCompletionService<>(readers);
            Deque<Work> queue = new ArrayDeque<>();
            boolean walked = false;
            boolean started = false;
            int running = 0;
            while (true) {
                if (queue.isEmpty() && !walked) {
                    // The next window of the walk: files and their checkpoints, a bounded number at a time.
                    TranscriptWindows.Window window = windows.next();
                    walked = window.isEmpty();
                    long bytes = walked ? 0 : plan(window, request.force(), committer, queue);
                    if (!started) {
                        progress.started(bytes);
                        started = true;
                    } else if (bytes > 0) {
                        progress.grew(bytes);
                    }
                    continue;
                }
                if (queue.isEmpty() && running == 0) {
                    break;
                }
                while (!queue.isEmpty() && running < threads * 2) {
                    Work w = queue.removeFirst();
                    done.submit(() -> ingest.read(w.file(), w.start()));
                    running++;
                }
                FileIngest.Result r = await(done.take());
                running--;
                if (r == null) {
                    continue;
                }
                if (r.continueAt() >= 0) {
                    // A huge file is read in parts, each committed with its own checkpoint.
                    queue.addFirst(new Work(r.file(), r.continueAt()));
                }
                progress.advanced(r.bytesRead());
                batch.add(r);
                totals.add(r);
                // The committer is the one thread that can write, so it is kept busy: whatever is gathered goes as
                // soon as it is idle (a first commit starts a fraction of a second in, not after a full batch, and
                // the last one, which nothing overlaps, is small); when it is not, a full batch waits for it.
                boolean committerIdle = pending == null || pending.isDone();
                if (batch.records.size() >= batchRecords || batch.checkpoints.size() >= batchRecords
                        || (committerIdle && (batch.records.size() >= Math.min(MIN_HANDOFF, batchRecords)
                                || queue.isEmpty() && walked && !batch.isEmpty() && running > 0))) {
                    totals.add(awaitCommit(pending));
                    Ledger.IngestBatch full = batch.toIngest();
                    pending = committer.submit(() -> ledger.commit(full));
                    batch = new Batch();
                }
            }
            totals.add(awaitCommit(pending));
            pending = null;
            if (!batch.isEmpty()) {
                totals.add(ledger.commit(batch.toIngest()));
            }
        } finally {
            readers.shutdownNow();
            if (pending != null) {
                // An error elsewhere: let the commit in progress finish (it is atomic either way) before closing.
                try {
                    awaitCommit(pending);
                } catch (IOException | RuntimeException e) {
                    log.debug("commit after failure: {}", e.toString());
                }
            }
            committer.shutdown();
        }
        try {
            ledger.publishCheckpoints();
        } catch (RuntimeException e) {
            // Only the next quick check is lost: it opens the ledger instead.
            log.debug("cannot publish checkpoints: {}", e.toString());
        }
        Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - t0);
        return new SyncSummary(windows.files(), totals.filesRead, totals.bytes, totals.inserted, totals.replaced,
                totals.sessions.size(), totals.skipped, elapsed, resumed);
    }

    /**
     * Looks up one window's checkpoints (on the committer's thread, after the commit in progress) and queues what
     * is new in its files, in {@link #readingOrder}.
     *
     * @return the bytes queued
     */
    private long plan(TranscriptWindows.Window window, boolean force, ExecutorService committer, Deque<Work> queue)
            throws IOException, InterruptedException {
        Map<String, FileCheckpoint> checkpoints = force ? Map.of()
                : awaitCommitter(committer.submit(() -> ledger.checkpointsBetween(window.first(), window.last())));
        List<Work> work = new ArrayList<>();
        long bytes = 0;
        for (TranscriptFile f : window.files()) {
            long start;
            try {
                start = FileIngest.startOffset(f, checkpoints.get(f.path().toString()), force);
            } catch (IOException e) {
                log.debug("cannot check {}: {}", f.path(), e.toString());
                continue;
            }
            if (start >= 0) {
                work.add(new Work(f, start));
                bytes += Math.max(0, f.size() - start);
            }
        }
        queue.addAll(readingOrder(work, bytes));
        return bytes;
    }

    /** The smallest files, up to this fraction (1/n) of the bytes to read, go before the biggest. */
    private static final int STARTER_SHARE = 25;

    /**
     * The order to read files in: a few of the smallest first, so that records reach the writer a few
     * milliseconds in instead of after the biggest file (the writer is the slower stage of a first sync, so its
     * idle start was time lost); then the biggest first, so that no big file is left alone at the end while the
     * other readers idle and the last commit, which nothing overlaps, waits for it.
     */
    private static Deque<Work> readingOrder(List<Work> work, long totalBytes) {
        List<Work> bySize = new ArrayList<>(work);
        bySize.sort(Comparator.comparingLong(Work::remaining));
        int starters = 0;
        long starterBytes = 0;
        while (starters < bySize.size() && starterBytes + bySize.get(starters).remaining()
                <= totalBytes / STARTER_SHARE) {
            starterBytes += bySize.get(starters).remaining();
            starters++;
        }
        Deque<Work> order = new ArrayDeque<>(bySize.size());
        order.addAll(bySize.subList(0, starters));
        for (int i = bySize.size() - 1; i >= starters; i--) {
            order.add(bySize.get(i));
        }
        return order;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static Ledger.CommitOutcome awaitCommit(Future<Ledger.CommitOutcome> f)
            throws InterruptedException, IOException {
        return f == null ? new Ledger.CommitOutcome(0, 0, 0) : awaitCommitter(f);
    }

    /** The result of work done on the committer's thread, its failure rethrown as what it was. */
    private static <T> T awaitCommitter(Future<T> f) throws InterruptedException, IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw rethrown(e);
        }
    }

    private static FileIngest.Result await(Future<FileIngest.Result> f) throws InterruptedException, IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                // A file that vanished or became unreadable between discovery and read: skip it this time.
                log.debug("skipping unreadable transcript: {}", io.toString());
                return null;
            }
            throw rethrown(e);
        }
    }

    /** What another thread's failure is rethrown as here: its I/O error, runtime exception or error itself. */
    private static RuntimeException rethrown(ExecutionException e) throws IOException {
        Throwable c = e.getCause();
        if (c instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (c instanceof RuntimeException re) {
            return re;
        }
        if (c instanceof Error err) {
            throw err; // an OutOfMemoryError stays one, for the caller's one-line message
        }
        return new IllegalStateException(c);
    }

    private record Work(TranscriptFile file, long start) {
        long remaining() {
            return Math.max(0, file.size() - start);
        }
    }

    /** Records, checkpoints and cost-states waiting for one commit; one copy per key. */
    private static final class Batch {
        /**
         * In the order read, so that neighbours share their file and session: the ledger then looks up each
         * source's and context's id once per run of records, not once per record.
         */
        final Map<UsageKey, UsageRecord> records = new LinkedHashMap<>();
        final List<FileCheckpoint> checkpoints = new ArrayList<>();
        final List<SessionCostState> costStates = new ArrayList<>();

        void add(FileIngest.Result r) {
            for (UsageRecord rec : r.records()) {
                records.merge(rec.key(), rec, WinnerRule::winner);
            }
            checkpoints.add(r.checkpoint());
            costStates.addAll(r.costStates());
        }

        boolean isEmpty() {
            return records.isEmpty() && checkpoints.isEmpty() && costStates.isEmpty();
        }

        Ledger.IngestBatch toIngest() {
            return new Ledger.IngestBatch(new ArrayList<>(records.values()), checkpoints, costStates);
        }
    }

    /** Running totals for the summary. */
    private static final class Totals {
        int filesRead;
        long bytes;
        long inserted;
        long replaced;
        long skipped;
        final DistinctSessions sessions = new DistinctSessions();

        void add(FileIngest.Result r) {
            if (r.bytesRead() > 0 && r.continueAt() < 0) {
                filesRead++; // a file read in parts counts once, with its last part
            }
            bytes += r.bytesRead();
            skipped += r.skippedLines();
            for (UsageRecord rec : r.records()) {
                if (rec.isRequest()) {
                    sessions.add(rec.sessionId());
                }
            }
        }

        void add(Ledger.CommitOutcome o) {
            inserted += o.inserted();
            replaced += o.replaced();
        }
    }
}
