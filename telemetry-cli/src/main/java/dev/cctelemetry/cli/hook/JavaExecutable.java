package dev.cctelemetry.cli.hook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Java runtime the hook scripts start the worker with: the one running now, by absolute path, because
 * Claude Code runs hooks with the user's (possibly minimal) {@code PATH}.
 */
public final class JavaExecutable {

    private JavaExecutable() {
    }

    /**
     * {@code <java.home>/bin/java} ({@code javaw.exe} on Windows, which opens no console), else the command this
     * process was started with.
     */
    public static Path current(boolean windows) {
        Path bin = Path.of(System.getProperty("java.home")).resolve("bin");
        Path candidate = bin.resolve(windows ? "javaw.exe" : "java");
        if (Files.isExecutable(candidate)) {
            return candidate.toAbsolutePath();
        }
        Optional<String> command = ProcessHandle.current().info().command();
        return command.map(Path::of).filter(Path::isAbsolute).orElse(candidate.toAbsolutePath());
    }
}
