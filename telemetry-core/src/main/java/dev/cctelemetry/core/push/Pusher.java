package dev.cctelemetry.core.push;

import dev.cctelemetry.core.port.out.PushStatusStore;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.MachineIdentity;
import dev.cctelemetry.core.port.out.PlanLimitLog;
import dev.cctelemetry.core.port.out.PlanLimitSink;
import dev.cctelemetry.core.port.out.RemoteStoreException;
import dev.cctelemetry.core.port.out.SyncLock;
import dev.cctelemetry.core.port.out.UsageSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes what the ledger changed since the last acknowledged push to the remote store, in batches. The mark
 * moves only after the store committed a batch, and the store's upsert is idempotent, so a push interrupted at
 * any point (network, kill, power) loses nothing and doubles nothing: the next push resends at most the batch
 * that was in flight. One pusher per machine (an OS file lock of its own, apart from the sync lock, so ingest
 * never waits on a slow network). Failures back off for automatic triggers.
 */
public final class Pusher {

    private static final Logger log = LoggerFactory.getLogger(Pusher.class);

    /** Records per remote transaction: large enough that COPY and the upsert amortise the round trips. */
    public static final int DEFAULT_BATCH = 50_000;

    private final Ledger ledger;
    private final UsageSink sink;
    private final MachineIdentity machine;
    private final SyncLock pushLock;
    private final PushStatusStore statusStore;
    private final Backoff backoff;
    private final Clock clock;
    private final int batchSize;
    private final Optional<Readings> readings;

    /**
     * The plan-limit readings a push sends after the usage records: the ledger's outbox and the store's table.
     *
     * @param log this machine's readings and their push mark
     * @param sink the store's readings
     */
    public record Readings(PlanLimitLog log, PlanLimitSink sink) {
        public Readings {
            Objects.requireNonNull(log, "log is null");
            Objects.requireNonNull(sink, "sink is null");
        }
    }

    /**
     * A pusher; opens nothing until {@link #push} runs.
     *
     * @param ledger the outbox
     * @param sink the remote store
     * @param machine this machine as the store lists it
     * @param pushLock the machine-wide push lock
     * @param statusStore where failures and backoff are kept between processes
     * @param backoff waits after consecutive failures
     * @param clock for timestamps and elapsed time
     * @param batchSize soft cap on records per remote transaction
     */
    public Pusher(Ledger ledger, UsageSink sink, MachineIdentity machine, SyncLock pushLock,
            PushStatusStore statusStore, Backoff backoff, Clock clock, int batchSize) {
        this(ledger, sink, machine, pushLock, statusStore, backoff, clock, batchSize, Optional.empty());
    }

    /**
     * A pusher that also pushes plan-limit readings (after the records of each push); opens nothing until
     * {@link #push} runs.
     *
     * @param readings the readings' outbox and remote table, when the store keeps them
     */
    public Pusher(Ledger ledger, UsageSink sink, MachineIdentity machine, SyncLock pushLock,
            PushStatusStore statusStore, Backoff backoff, Clock clock, int batchSize, Optional<Readings> readings) {
        this.ledger = Objects.requireNonNull(ledger, "ledger is null");
        this.sink = Objects.requireNonNull(sink, "sink is null");
        this.machine = Objects.requireNonNull(machine, "machine is null");
        this.pushLock = Objects.requireNonNull(pushLock, "pushLock is null");
        this.statusStore = Objects.requireNonNull(statusStore, "statusStore is null");
        this.backoff = Objects.requireNonNull(backoff, "backoff is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.batchSize = batchSize;
        this.readings = Objects.requireNonNull(readings, "readings is null");
    }

    /**
     * Pushes everything pending. Never throws for store or ledger failures: they come back as
     * {@link PushResult.Outcome#FAILED} with a one-line message.
     *
     * @throws InterruptedException when interrupted while waiting for another pusher
     */
    public PushResult push(PushMode mode) throws InterruptedException {
        Instant start = clock.instant();
        PushStatus status = statusStore.load();
        if (mode.respectBackoff() && status.notBefore().filter(start::isBefore).isPresent()) {
            return new PushResult(PushResult.Outcome.BACKING_OFF, 0, pendingQuietly(), Duration.ZERO,
                    Optional.empty(), Optional.empty(), status.notBefore());
        }
        Optional<SyncLock.Held> held = pushLock.tryAcquire(mode.lockWait());
        if (held.isEmpty()) {
            return new PushResult(PushResult.Outcome.BUSY, 0, pendingQuietly(), elapsedSince(start),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
        try (SyncLock.Held lock = held.get()) {
            // Read again under the lock: the pusher that held it may have just recorded a success.
            return pushLocked(statusStore.load(), start);
        }
    }

    private PushResult pushLocked(PushStatus status, Instant start) {
        long pushed = 0;
        // The next batch is read from the ledger while the current one travels to the store: a long backfill
        // then costs the slower of the two, not their sum. The ledger is never used by two threads at once: the
        // read overlaps only the network push, and the mark is written after the read has finished.
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cct-push-read");
            t.setDaemon(true);
            return t;
        });
        try {
            String target = sink.describe();
            long mark = ledger.pushedMark(target);
            Ledger.PendingBatch batch = ledger.pendingForPush(mark, batchSize);
            while (!batch.isEmpty()) {
                long after = batch.lastSeq();
                Future<Ledger.PendingBatch> next = reader.submit(() -> ledger.pendingForPush(after, batchSize));
                sink.push(machine, batch.records());
                Ledger.PendingBatch following = await(next);
                // Only now is the batch in the store: a crash before this line resends it, harmlessly.
                ledger.markPushed(target, after);
                pushed += batch.records().size();
                log.debug("pushed {} records up to change {}", batch.records().size(), after);
                batch = following;
            }
            if (readings.isPresent()) {
                pushReadings(readings.get(), target);
            }
            Instant now = clock.instant();
            statusStore.save(status.succeeded(now));
            return new PushResult(PushResult.Outcome.PUSHED, pushed, 0, Duration.between(start, now),
                    Optional.empty(), Optional.empty(), Optional.empty());
        } catch (RemoteStoreException e) {
            return failure(status, start, pushed, e.getMessage(), Optional.of(e.reason()));
        } catch (RuntimeException e) {
            // A ledger failure (disk, lock timeout): same treatment, the next trigger retries.
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
            return failure(status, start, pushed, message, Optional.empty());
        } finally {
            reader.shutdown();
            try {
                // A failed push may leave the read running: let it end before the ledger is used again.
                reader.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Pushes the readings after the mark, a batch at a time; the mark moves after each batch is in the store. */
    private void pushReadings(Readings r, String target) {
        PlanLimitLog.PendingReadings batch = r.log().pendingReadings(r.log().readingsPushedMark(target), batchSize);
        while (!batch.isEmpty()) {
            r.sink().pushReadings(machine, batch.readings());
            r.log().markReadingsPushed(target, batch.lastId());
            log.debug("pushed {} plan-limit readings up to {}", batch.readings().size(), batch.lastId());
            batch = r.log().pendingReadings(batch.lastId(), batchSize);
        }
    }

    /** The next batch, read on the reader thread; its failure surfaces here as it would have inline. */
    private static Ledger.PendingBatch await(Future<Ledger.PendingBatch> next) {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the ledger", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private PushResult failure(PushStatus status, Instant start, long pushed, String message,
            Optional<RemoteStoreException.Reason> reason) {
        Instant now = clock.instant();
        PushStatus next = status.failed(now, message, backoff);
        statusStore.save(next);
        log.warn("push failed ({} consecutive): {}", next.consecutiveFailures(), message);
        return new PushResult(PushResult.Outcome.FAILED, pushed, pendingQuietly(), Duration.between(start, now),
                Optional.of(message), reason, next.notBefore());
    }

    private long pendingQuietly() {
        try {
            return ledger.countPendingForPush(ledger.pushedMark(sink.describe()));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private Duration elapsedSince(Instant start) {
        return Duration.between(start, clock.instant());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }
}
