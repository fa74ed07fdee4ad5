package dev.cctelemetry.core.statusline;

import dev.cctelemetry.core.limits.LimitLevel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What cc-telemetry uses of one statusLine payload. Every member is optional: a payload before the first prompt has
 * no limits, an API-key session never has any, and a hostile or cut payload may have nothing at all.
 *
 * @param sessionId the session's id
 * @param modelId the model's id ({@code claude-opus-5-5})
 * @param modelName the model's display name ({@code Opus 5.5})
 * @param limits the plan-limit windows with a plausible percentage and reset time, by window order
 * @param complete whether the payload was one whole JSON object; limits of an incomplete one are shown, never
 *     recorded
 */
public record StatuslinePayload(Optional<String> sessionId, Optional<String> modelId, Optional<String> modelName,
        List<LimitLevel> limits, boolean complete) {

    /** A payload that said nothing usable. */
    public static final StatuslinePayload EMPTY = new StatuslinePayload(Optional.empty(), Optional.empty(),
            Optional.empty(), List.of(), false);

    public StatuslinePayload {
        Objects.requireNonNull(sessionId, "sessionId is null");
        Objects.requireNonNull(modelId, "modelId is null");
        Objects.requireNonNull(modelName, "modelName is null");
        limits = List.copyOf(limits);
    }

    /** The name to show for the model: its display name, else its id. */
    public Optional<String> modelLabel() {
        return modelName.or(() -> modelId);
    }
}
