package dev.cctelemetry.core.push;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the last pushes did, kept between processes so that a hook-triggered push knows whether to wait.
 *
 * @param lastAttempt when a push last started talking to the store
 * @param lastSuccess when a push last finished with nothing left to send
 * @param consecutiveFailures failed pushes since the last success
 * @param notBefore automatic pushes wait until then (empty: no wait)
 * @param lastError the last failure's one-line, secret-free message, "" after a success
 */
public record PushStatus(Optional<Instant> lastAttempt, Optional<Instant> lastSuccess, int consecutiveFailures,
        Optional<Instant> notBefore, String lastError) {

    /** The status of a machine that never pushed. */
    public static final PushStatus NEVER = new PushStatus(Optional.empty(), Optional.empty(), 0, Optional.empty(), "");

    public PushStatus {
        Objects.requireNonNull(lastAttempt, "lastAttempt is null");
        Objects.requireNonNull(lastSuccess, "lastSuccess is null");
        Objects.requireNonNull(notBefore, "notBefore is null");
        Objects.requireNonNull(lastError, "lastError is null");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures < 0");
        }
    }

    /** The status after a push that sent everything at {@code now}. */
    PushStatus succeeded(Instant now) {
        return new PushStatus(Optional.of(now), Optional.of(now), 0, Optional.empty(), "");
    }

    /** The status after a push that failed at {@code now}; automatic pushes wait per {@code backoff}. */
    PushStatus failed(Instant now, String error, Backoff backoff) {
        int failures = consecutiveFailures + 1;
        return new PushStatus(Optional.of(now), lastSuccess, failures, Optional.of(now.plus(backoff.delay(failures))),
                error);
    }
}
