package dev.cctelemetry.poller;

import java.util.function.LongSupplier;
import dev.cctelemetry.core.error.ErrorLine;

import dev.cctelemetry.core.port.in.SyncUseCase;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One pass: an incremental sync over the roots to scan (the environment's plus those hook workers recorded, re-read
 * every pass), then the after-pass work. The sync takes the machine's sync lock, so a pass never overlaps a hook worker or a manual
 * sync; its commits carry their checkpoints, so a pass interrupted anywhere leaves a consistent ledger.
 */
public final class ReconciliationPass {

    private final SyncUseCase sync;
    private final Supplier<List<ClaudeRoot>> roots;
    private final AfterPass afterPass;
    private final Clock clock;
    private final LongSupplier nanoTime;

    /**
     * A pass.
     *
     * @param sync the ingest
     * @param roots every root to scan, without duplicates (asked again every pass, so a root created later is
     *     picked up)
     * @param afterPass work after each successful ingest
     * @param clock wall clock for the outcome's start time
     * @param nanoTime monotonic clock for the elapsed time
     */
    public ReconciliationPass(SyncUseCase sync, Supplier<List<ClaudeRoot>> roots, AfterPass afterPass, Clock clock,
            LongSupplier nanoTime) {
        this.sync = Objects.requireNonNull(sync, "sync is null");
        this.roots = Objects.requireNonNull(roots, "roots is null");
        this.afterPass = Objects.requireNonNull(afterPass, "afterPass is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime is null");
    }

    /**
     * Runs the pass. Failures become a failed outcome; only an interrupt (a stop request) escapes.
     *
     * @throws InterruptedException when the daemon is stopping; everything committed so far is consistent
     */
    public PassOutcome run() throws InterruptedException {
        Instant started = clock.instant();
        long t0 = nanoTime.getAsLong();
        List<ClaudeRoot> roots;
        SyncSummary summary = null;
        try {
            roots = List.copyOf(this.roots.get());
        } catch (RuntimeException e) {
            return PassOutcome.failed(started, 0, Optional.empty(), "cannot list roots: " + ErrorLine.of(e),
                    since(t0));
        }
        try {
            summary = sync.sync(SyncRequest.all(roots), SyncProgress.NONE);
            afterPass.afterPass(summary);
            return PassOutcome.ok(started, roots.size(), summary, since(t0));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopped during a pass");
            }
            String what = summary == null ? "" : "after pass: ";
            return PassOutcome.failed(started, roots.size(), Optional.ofNullable(summary), what + ErrorLine.of(e),
                    since(t0));
        }
    }

    private Duration since(long t0) {
        return Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - t0));
    }

}
