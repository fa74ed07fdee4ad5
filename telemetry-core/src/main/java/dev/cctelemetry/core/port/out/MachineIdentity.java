package dev.cctelemetry.core.port.out;

import java.util.Objects;
import java.util.UUID;

/**
 * The machine a push comes from, as the remote store lists it.
 *
 * @param machineId immutable UUID generated once per installation (canonical lower-case string form)
 * @param name human-readable name the user chose (hostname by default); may change between pushes
 * @param os operating system, e.g. {@code linux}, {@code macos}, {@code windows}
 */
public record MachineIdentity(String machineId, String name, String os) {

    public MachineIdentity {
        Objects.requireNonNull(machineId, "machineId is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(os, "os is null");
        // Round-tripping through UUID rejects anything that is not a UUID and fixes one spelling per machine.
        machineId = UUID.fromString(machineId).toString();
    }
}
