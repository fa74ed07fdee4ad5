package dev.cctelemetry.app.alert;

import dev.cctelemetry.core.alert.WebhookAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Where alerts go.
 *
 * @param desktop whether to show desktop notifications (on by default; shown only where a desktop session runs)
 * @param webhook the webhook to post to, if any
 */
public record AlertSettings(boolean desktop, Optional<WebhookAddress> webhook) {

    /** Desktop notifications on, no webhook: what a new install does. */
    public static final AlertSettings DEFAULT = new AlertSettings(true, Optional.empty());

    public AlertSettings {
        Objects.requireNonNull(webhook, "webhook is null");
    }

    /** These settings with desktop notifications turned {@code on} or off. */
    public AlertSettings withDesktop(boolean on) {
        return new AlertSettings(on, webhook);
    }

    /** These settings with {@code address} as the webhook (empty: none). */
    public AlertSettings withWebhook(Optional<WebhookAddress> address) {
        return new AlertSettings(desktop, address);
    }
}
