package dev.cctelemetry.core.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One machine's totals in the {@code machines} report.
 *
 * @param machineId the machine's UUID
 * @param name its name
 * @param records usage records it owns (a record pushed by two machines counts for the one whose copy won)
 * @param requests those that are requests ({@link dev.cctelemetry.core.usage.UsageRecord#isRequest()}), the
 *     figure every report counts
 * @param tokens their token total
 * @param costUsd their cost
 * @param lastActivity timestamp of its latest record
 * @param lastPush when it last pushed to the shared store
 */
public record MachineRow(String machineId, String name, long records, long requests, long tokens, double costUsd,
        Optional<Instant> lastActivity, Optional<Instant> lastPush) {
    public MachineRow {
        Objects.requireNonNull(machineId, "machineId is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(lastActivity, "lastActivity is null");
        Objects.requireNonNull(lastPush, "lastPush is null");
    }
}
