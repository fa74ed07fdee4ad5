package dev.cctelemetry.core.push;

import dev.cctelemetry.core.port.out.RemoteStoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one push did.
 *
 * @param outcome how it ended
 * @param pushed records the store acknowledged in this push
 * @param pendingLeft records still waiting (0 after a complete push)
 * @param elapsed wall time of the push
 * @param error one-line, secret-free message when {@code outcome} is {@link Outcome#FAILED}, else empty
 * @param reason why the store could not be used, when it was the store that failed
 * @param retryAfter when an automatic push will try again, for {@link Outcome#FAILED} and
 *     {@link Outcome#BACKING_OFF}
 */
public record PushResult(Outcome outcome, long pushed, long pendingLeft, Duration elapsed, Optional<String> error,
        Optional<RemoteStoreException.Reason> reason, Optional<Instant> retryAfter) {

    /** How a push ended. */
    public enum Outcome {
        /** No remote store is configured: nothing to do. */
        NOT_CONFIGURED,
        /** Everything pending was pushed (possibly nothing). */
        PUSHED,
        /** An automatic push skipped because the backoff after failures has not passed. */
        BACKING_OFF,
        /** Another process is pushing. */
        BUSY,
        /** The store or the ledger failed; what was acknowledged before stays acknowledged. */
        FAILED
    }

    public PushResult {
        Objects.requireNonNull(outcome, "outcome is null");
        Objects.requireNonNull(elapsed, "elapsed is null");
        Objects.requireNonNull(error, "error is null");
        Objects.requireNonNull(reason, "reason is null");
        Objects.requireNonNull(retryAfter, "retryAfter is null");
    }

    /** The result when no store is configured. */
    public static PushResult notConfigured() {
        return new PushResult(Outcome.NOT_CONFIGURED, 0, 0, Duration.ZERO, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** A failure that happened before the pusher ran (bad settings, unreadable config). */
    public static PushResult failedBeforeStart(String error) {
        return new PushResult(Outcome.FAILED, 0, 0, Duration.ZERO, Optional.of(error), Optional.empty(),
                Optional.empty());
    }

    /** Whether the push failed (a manual command exits non-zero). */
    public boolean failed() {
        return outcome == Outcome.FAILED || outcome == Outcome.BUSY;
    }

    /** One line for the user. */
    public String summaryLine() {
        return switch (outcome) {
            case NOT_CONFIGURED -> "No remote store configured (cc-telemetry config set-store URL).";
            case PUSHED -> String.format(Locale.ROOT, "Pushed %,d records in %.2f s.", pushed,
                    elapsed.toMillis() / 1000.0);
            case BACKING_OFF -> "Push skipped: backing off after failures until "
                    + retryAfter.map(Instant::toString).orElse("later") + ".";
            case BUSY -> "Push not done: another cc-telemetry process is pushing.";
            case FAILED -> String.format(Locale.ROOT, "Push failed: %s (%,d records pushed, %,d still pending;"
                    + " the local ledger keeps them).", error.orElse("unknown error"), pushed, pendingLeft);
        };
    }
}
