package dev.cctelemetry.app.doctor;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds a program on the {@code PATH} of a given environment (not necessarily this process's). */
public final class ExecutableFinder {

    private final Map<String, String> env;

    /** A finder searching {@code env}'s {@code PATH}. */
    public ExecutableFinder(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The first executable {@code name} (or {@code name.exe}/{@code .cmd}) on the PATH. */
    public Optional<Path> find(String name) {
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String suffix : new String[] {"", ".exe", ".cmd"}) {
                try {
                    Path p = Path.of(dir, name + suffix);
                    if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                        return Optional.of(p);
                    }
                } catch (InvalidPathException e) {
                    // a garbled PATH entry
                }
            }
        }
        return Optional.empty();
    }
}
