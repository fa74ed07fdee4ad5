package dev.cctelemetry.core.port.out;

import dev.cctelemetry.core.alert.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which alerts were raised and where each was delivered, kept where every process of the machine sees it (the
 * ledger), so that a threshold fires once per period across restarts and concurrent workers.
 *
 * <p>Contract every adapter keeps: {@link #raise} and {@link #claimDelivery} are atomic against other processes.
 */
public interface AlertLog {

    /**
     * Records, in one transaction, the alerts whose keys were never raised, each with one delivery per channel
     * named: pending, or skipped for the keys in {@code silent} (a lower threshold raised together with a higher
     * one, which alone is delivered: skipped from the start, so that no other process can send it meanwhile).
     * Returns those that were new. Of two processes raising one key at once, exactly one gets it back.
     */
    List<Alert> raise(List<Alert> alerts, List<String> channels, Set<String> silent);

    /**
     * Deliveries still pending at {@code now}: never attempted, or failed and last tried at least {@code retryAfter}
     * ago, raised no earlier than {@code now - maxAge}, tried fewer than {@code maxAttempts} times; oldest first.
     */
    List<PendingDelivery> pending(Instant now, Duration retryAfter, Duration maxAge, int maxAttempts);

    /**
     * Takes a pending delivery for one attempt: true for exactly one of several processes asking at once, and only
     * while it is still pending and due ({@code retryAfter} since its last attempt).
     */
    boolean claimDelivery(String key, String channel, Instant now, Duration retryAfter);

    /**
     * Records the outcome of a claimed attempt: delivered, or failed with a one-line reason, to be tried again by a
     * later run when {@code retry} (a webhook that was down) or given up (a desktop popup that failed).
     */
    void recordAttempt(String key, String channel, boolean delivered, Optional<String> error, boolean retry);

    /** The alert raised last, with the state of its deliveries; empty when none ever was. */
    Optional<RaisedAlert> lastRaised();

    /**
     * A delivery waiting for an attempt.
     *
     * @param alert the alert
     * @param channel the channel's name
     * @param attempts attempts made so far
     */
    record PendingDelivery(Alert alert, String channel, int attempts) {
    }

    /**
     * An alert and where it went.
     *
     * @param alert the alert
     * @param deliveries per channel: {@code delivered}, {@code pending}, {@code failed: <reason>} or {@code skipped}
     */
    record RaisedAlert(Alert alert, List<String> deliveries) {
        public RaisedAlert {
            deliveries = List.copyOf(deliveries);
        }
    }
}
