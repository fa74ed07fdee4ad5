package dev.cctelemetry.core.debounce;

import java.util.Objects;

/**
 * The result of feeding one event to the {@link StopDebouncer}.
 *
 * @param decision what to do now
 * @param next the session's state after the event
 */
public record DebounceStep(DebounceDecision decision, DebounceState next) {

    /** Validates the fields. */
    public DebounceStep {
        Objects.requireNonNull(decision, "decision is null");
        Objects.requireNonNull(next, "next is null");
    }
}
