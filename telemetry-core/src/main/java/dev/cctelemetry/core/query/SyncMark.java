package dev.cctelemetry.core.query;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest runs of one trigger on one machine: a status light, not a history.
 *
 * @param machineId the machine's id
 * @param machineName its name ("" when unknown)
 * @param trigger what ran
 * @param lastSuccess when the last successful run ended, if any
 * @param lastFailure when the last failed run ended, if any
 * @param lastError one line on what went wrong in the last failed run, "" when none is known
 */
public record SyncMark(String machineId, String machineName, SyncTrigger trigger, Optional<Instant> lastSuccess,
        Optional<Instant> lastFailure, String lastError) {

    public SyncMark {
        Objects.requireNonNull(machineId, "machineId is null");
        Objects.requireNonNull(machineName, "machineName is null");
        Objects.requireNonNull(trigger, "trigger is null");
        Objects.requireNonNull(lastSuccess, "lastSuccess is null");
        Objects.requireNonNull(lastFailure, "lastFailure is null");
        Objects.requireNonNull(lastError, "lastError is null");
    }

    /** The later of the last success and the last failure. */
    public Optional<Instant> lastRun() {
        if (lastSuccess.isEmpty()) {
            return lastFailure;
        }
        if (lastFailure.isEmpty()) {
            return lastSuccess;
        }
        return Optional.of(lastSuccess.get().isAfter(lastFailure.get()) ? lastSuccess.get() : lastFailure.get());
    }
}
