package dev.cctelemetry.platform.unix;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds a program on a {@code PATH}, as a shell would, without starting anything. */
final class ProgramLookup {

    private ProgramLookup() {
    }

    /** Whether {@code program} is an executable file in one of {@code environment}'s {@code PATH} folders. */
    static boolean onPath(String program, Map<String, String> environment) {
        return find(program, environment).isPresent();
    }

    /** The first executable {@code program} in {@code environment}'s {@code PATH} folders, as a shell finds it. */
    static Optional<Path> find(String program, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }
}
