package dev.cctelemetry.core.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A webhook's URL. Slack's and Discord's webhook URLs carry their secret in the path, so this is shown only
 * {@link #masked()}: scheme, host and port, the rest replaced by an ellipsis.
 *
 * @param uri an absolute {@code http} or {@code https} URI with a host
 */
public record WebhookAddress(URI uri) {

    public WebhookAddress {
        Objects.requireNonNull(uri, "uri is null");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("a webhook URL must start with https:// (or http://) and name a host");
        }
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming what is wrong, never echoing the URL (it may hold a secret)
     */
    public static WebhookAddress parse(String text) {
        try {
            return new WebhookAddress(new URI(text.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the webhook URL is not a valid URL (" + e.getReason() + ")");
        }
    }

    /** {@code https://hooks.slack.com/…}: enough to tell which service, nothing of the secret. */
    public String masked() {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        boolean more = uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null || uri.getRawUserInfo() != null;
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port + (more ? "/…" : "/");
    }

    /** Masked too, so that a log line or a message that prints this never shows the secret. */
    @Override
    public String toString() {
        return masked();
    }
}
