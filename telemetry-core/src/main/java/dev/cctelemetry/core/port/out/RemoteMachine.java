package dev.cctelemetry.core.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A machine as the remote store lists it.
 *
 * @param machineId the machine's UUID
 * @param name its name as of its last push
 * @param os its operating system
 * @param lastPush when it last pushed
 */
public record RemoteMachine(String machineId, String name, String os, Instant lastPush) {
    public RemoteMachine {
        Objects.requireNonNull(machineId, "machineId is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(os, "os is null");
        Objects.requireNonNull(lastPush, "lastPush is null");
    }
}
