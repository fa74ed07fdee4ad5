package dev.cctelemetry.poller;

import dev.cctelemetry.core.port.in.SyncUseCase;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One pass: an incremental sync over the environment's roots plus the roots hook workers recorded, then the
 * after-pass work. The sync takes the machine's sync lock, so a pass never overlaps a hook worker or a manual
 * sync; its commits carry their checkpoints, so a pass interrupted anywhere leaves a consistent ledger.
 */
public final class ReconciliationPass {

    private final SyncUseCase sync;
    private final Supplier<List<ClaudeRoot>> environmentRoots;
    private final KnownRootsFile knownRoots;
    private final AfterPass afterPass;
    private final Clock clock;
    private final Ticker ticker;

    /**
     * A pass.
     *
     * @param sync the ingest
     * @param environmentRoots the roots the daemon's environment names (re-read every pass)
     * @param knownRoots the roots hook workers recorded (re-read every pass)
     * @param afterPass work after each successful ingest
     * @param clock wall clock for the outcome's start time
     * @param ticker monotonic clock for the elapsed time
     */
    public ReconciliationPass(SyncUseCase sync, Supplier<List<ClaudeRoot>> environmentRoots,
            KnownRootsFile knownRoots, AfterPass afterPass, Clock clock, Ticker ticker) {
        this.sync = Objects.requireNonNull(sync, "sync is null");
        this.environmentRoots = Objects.requireNonNull(environmentRoots, "environmentRoots is null");
        this.knownRoots = Objects.requireNonNull(knownRoots, "knownRoots is null");
        this.afterPass = Objects.requireNonNull(afterPass, "afterPass is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.ticker = Objects.requireNonNull(ticker, "ticker is null");
    }

    /** Every root to scan, without duplicates. */
    public List<ClaudeRoot> roots() {
        Set<ClaudeRoot> all = new LinkedHashSet<>(environmentRoots.get());
        all.addAll(knownRoots.read());
        return List.copyOf(all);
    }

    /**
     * Runs the pass. Failures become a failed outcome; only an interrupt (a stop request) escapes.
     *
     * @throws InterruptedException when the daemon is stopping; everything committed so far is consistent
     */
    public PassOutcome run() throws InterruptedException {
        Instant started = clock.instant();
        long t0 = ticker.nanoTime();
        List<ClaudeRoot> roots;
        SyncSummary summary = null;
        try {
            roots = roots();
        } catch (RuntimeException e) {
            return PassOutcome.failed(started, 0, Optional.empty(), "cannot list roots: " + oneLine(e),
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
            return PassOutcome.failed(started, roots.size(), Optional.ofNullable(summary), what + oneLine(e),
                    since(t0));
        }
    }

    private Duration since(long t0) {
        return Duration.ofNanos(Math.max(0, ticker.nanoTime() - t0));
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}
