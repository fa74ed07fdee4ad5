package dev.cctelemetry.core.port.out;

import dev.cctelemetry.core.usage.UsageRecord;
import java.util.Objects;

/**
 * One usage record read back from the remote store, with the machine whose copy the store kept.
 *
 * @param machineId id of the machine that pushed the stored copy
 * @param machineName that machine's name as of its last push, or "" when the store does not know it
 * @param record the record
 */
public record RemoteUsageRow(String machineId, String machineName, UsageRecord record) {

    public RemoteUsageRow {
        Objects.requireNonNull(machineId, "machineId is null");
        Objects.requireNonNull(machineName, "machineName is null");
        Objects.requireNonNull(record, "record is null");
    }
}
