package dev.cctelemetry.core.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers what the Claude Code hooks did on this machine, so that {@code doctor} can say "last successful hook
 * sync 3 minutes ago" or show the last error. Only the latest of each kind is kept: this is a status light,
 * not a history. Several hook workers (different sessions) may write at once; each write replaces one whole
 * entry atomically, so a reader never sees a torn one.
 */
public interface HookStatusStore {

    /**
     * Records that a hook fired and a worker started handling it.
     *
     * @throws java.io.UncheckedIOException when the state cannot be written
     */
    void recordFired(Fired fired);

    /**
     * Records how handling a hook ended. Also becomes the last success or the last error.
     *
     * @throws java.io.UncheckedIOException when the state cannot be written
     */
    void recordOutcome(Outcome outcome);

    /** The latest entries; unreadable or absent ones are empty. Never throws. */
    HookStatus status();

    /**
     * A hook fired.
     *
     * @param at when the worker started
     * @param event the hook event as the CLI names it ({@code stop}, {@code session-end}, {@code stop-trailing})
     * @param sessionId the session, or "" when the payload was rejected before a session id was known
     */
    record Fired(Instant at, String event, String sessionId) {
        public Fired {
            Objects.requireNonNull(at, "at is null");
            Objects.requireNonNull(event, "event is null");
            Objects.requireNonNull(sessionId, "sessionId is null");
        }
    }

    /**
     * How handling one hook ended.
     *
     * @param at when it ended
     * @param event the hook event as the CLI names it
     * @param sessionId the session, or "" when unknown
     * @param ok whether the session was synced
     * @param error one line saying what went wrong, "" when {@code ok}; never payload content or secrets
     * @param recordsAdded usage records new to the ledger
     * @param recordsUpdated stored records replaced by a more complete copy
     * @param elapsed time from the worker's start to the end
     */
    record Outcome(Instant at, String event, String sessionId, boolean ok, String error, long recordsAdded,
            long recordsUpdated, Duration elapsed) {
        public Outcome {
            Objects.requireNonNull(at, "at is null");
            Objects.requireNonNull(event, "event is null");
            Objects.requireNonNull(sessionId, "sessionId is null");
            Objects.requireNonNull(error, "error is null");
            Objects.requireNonNull(elapsed, "elapsed is null");
            if (ok && !error.isEmpty()) {
                throw new IllegalArgumentException("a successful outcome has no error");
            }
            if (!ok && error.isEmpty()) {
                throw new IllegalArgumentException("a failed outcome needs an error line");
            }
        }
    }

    /**
     * The latest hook status.
     *
     * @param lastFired the last hook that fired
     * @param lastOutcome the last outcome, successful or not
     * @param lastSuccess the last successful sync
     * @param lastError the last failure
     */
    record HookStatus(Optional<Fired> lastFired, Optional<Outcome> lastOutcome, Optional<Outcome> lastSuccess,
            Optional<Outcome> lastError) {
        public HookStatus {
            Objects.requireNonNull(lastFired, "lastFired is null");
            Objects.requireNonNull(lastOutcome, "lastOutcome is null");
            Objects.requireNonNull(lastSuccess, "lastSuccess is null");
            Objects.requireNonNull(lastError, "lastError is null");
        }
    }
}
