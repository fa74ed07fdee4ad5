package dev.cctelemetry.app.push;

import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.poller.AfterPass;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's after-pass work: push pending records when a store is configured. A failed push is logged, not
 * thrown: the push keeps its own backoff and status, and an unreachable store must not delay the next ingest.
 */
public final class PushAfterPass implements AfterPass {

    private static final Logger log = LoggerFactory.getLogger(PushAfterPass.class);

    private final Supplier<PushResult> push;

    /** Pushes through {@link Pushes#pushIfConfigured()} (automatic mode, honouring the backoff). */
    @Inject
    PushAfterPass(Pushes pushes) {
        this(pushes::pushIfConfigured);
    }

    /** Runs {@code push} after each pass. */
    public PushAfterPass(Supplier<PushResult> push) {
        this.push = Objects.requireNonNull(push, "push is null");
    }

    @Override
    public void afterPass(SyncSummary summary) {
        PushResult r = push.get();
        if (r.failed()) {
            log.warn("push after pass: {}", r.summaryLine());
        } else if (r.pushed() > 0) {
            log.info("push after pass: {}", r.summaryLine());
        }
    }
}
