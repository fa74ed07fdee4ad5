package dev.cctelemetry.core.port.out;

import dev.cctelemetry.core.limits.PlanLimitReading;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shared store's side of plan-limit history: every machine's readings, keyed by machine, window and time seen,
 * so that a push can be repeated.
 *
 * <p>Contract every adapter keeps: {@link #pushReadings} is one transaction and idempotent; failures surface as
 * {@link RemoteStoreException} with a secret-free message.
 */
public interface PlanLimitSink {

    /** Upserts this machine's readings. */
    void pushReadings(MachineIdentity machine, List<PlanLimitReading> readings);

    /**
     * Readings of every machine (or of one, by id or name) seen at or after {@code since} (all when empty), by
     * machine name, then oldest first.
     */
    List<MachineReading> remoteReadings(Optional<Instant> since, Optional<String> machine);

    /**
     * One machine's reading.
     *
     * @param machineId the machine's id
     * @param machineName its name as last pushed
     * @param reading the reading
     */
    record MachineReading(String machineId, String machineName, PlanLimitReading reading) {
        public MachineReading {
            Objects.requireNonNull(machineId, "machineId is null");
            Objects.requireNonNull(machineName, "machineName is null");
            Objects.requireNonNull(reading, "reading is null");
        }
    }
}
