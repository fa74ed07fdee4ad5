package dev.cctelemetry.app.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.core.alert.WebhookAddress;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The alert settings in {@code config.json}, under {@code "alerts"}: {@code {"desktop": true, "webhook":
 * "https://hooks.slack.com/services/…"}}. Written through the config store: atomic, 0600 (the webhook URL is a
 * secret), other keys kept.
 */
public final class AlertBook {

    /** The config key. */
    public static final String KEY = "alerts";

    private final Configs configs;

    @Inject
    AlertBook(Configs configs) {
        this.configs = configs;
    }

    /**
     * The settings; {@link AlertSettings#DEFAULT} when none were set.
     *
     * @throws AppException when the config cannot be read or its alert settings are not valid
     */
    public AlertSettings settings() {
        JsonNode node = configs.member(KEY);
        if (node.isMissingNode() || node.isNull()) {
            return AlertSettings.DEFAULT;
        }
        if (!node.isObject()) {
            throw AppException.failure("config.json: \"alerts\" must be an object", null);
        }
        JsonNode webhook = node.path("webhook");
        Optional<WebhookAddress> address = Optional.empty();
        if (webhook.isTextual() && !webhook.asText().isBlank()) {
            try {
                address = Optional.of(WebhookAddress.parse(webhook.asText()));
            } catch (IllegalArgumentException e) {
                throw AppException.failure("config.json: alerts.webhook: " + e.getMessage(), e);
            }
        }
        return new AlertSettings(node.path("desktop").asBoolean(true), address);
    }

    /** Saves {@code settings}. */
    public void save(AlertSettings settings) {
        configs.edit(root -> {
            ObjectNode o = root.putObject(KEY);
            o.put("desktop", settings.desktop());
            settings.webhook().ifPresent(w -> o.put("webhook", w.uri().toString()));
        });
    }
}
