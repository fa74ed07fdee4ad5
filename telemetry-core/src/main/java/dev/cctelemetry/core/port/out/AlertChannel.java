package dev.cctelemetry.core.port.out;

import dev.cctelemetry.core.alert.Alert;

/**
 * Somewhere an alert can be sent: the desktop's notifications, a webhook. Sending is bounded in time (a channel that
 * waits on something sets its own timeout) and never throws.
 */
public interface AlertChannel {

    /** The channel's name in the alert log ({@code desktop}, {@code webhook}). */
    String name();

    /**
     * Whether this channel can deliver here and now (a desktop session is running, a webhook is configured). Alerts
     * are not queued for a channel that cannot: no desktop session means no desktop notification, silently.
     */
    boolean available();

    /** Sends one alert. */
    Outcome send(Alert alert);

    /** Whether a failed delivery should be tried again by a later sync (a webhook: yes; a desktop popup: no). */
    boolean retries();

    /**
     * What one attempt gave.
     *
     * @param delivered whether the alert got through
     * @param error a one-line reason when it did not
     */
    record Outcome(boolean delivered, String error) {
        /** Delivered. */
        public static final Outcome DELIVERED = new Outcome(true, "");

        /** Not delivered, for {@code reason}. */
        public static Outcome failed(String reason) {
            return new Outcome(false, reason);
        }
    }
}
