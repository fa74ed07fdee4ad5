package dev.cctelemetry.app.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A service file found installed for this home.
 *
 * @param manager what it is, for messages ("systemd user unit")
 * @param file where it is
 * @param jar the jar it runs, read back from the file (empty when the file names none we can read)
 */
public record InstalledService(String manager, Path file, Optional<Path> jar) {

    /** Checks the parts are present. */
    public InstalledService {
        Objects.requireNonNull(manager, "manager is null");
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(jar, "jar is null");
    }

    /** The jar it runs when that jar no longer exists (the service cannot start then). */
    public Optional<Path> missingJar() {
        return jar.filter(j -> !Files.isRegularFile(j));
    }
}
