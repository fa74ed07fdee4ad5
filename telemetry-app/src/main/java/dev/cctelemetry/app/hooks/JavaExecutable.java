package dev.cctelemetry.app.hooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The Java runtime that cc-telemetry's own background processes start with: the one running now, by absolute
 * path, because Claude Code runs hooks (and service managers run services) with a minimal {@code PATH}.
 */
public final class JavaExecutable {

    private JavaExecutable() {
    }

    /**
     * For the hook scripts: {@code <java.home>/bin/java} ({@code javaw.exe} on Windows, which opens no console),
     * else the command this process was started with.
     */
    public static Path forHooks(boolean windows) {
        Path candidate = bin().resolve(windows ? "javaw.exe" : "java");
        if (Files.isExecutable(candidate)) {
            return candidate.toAbsolutePath();
        }
        Optional<String> command = ProcessHandle.current().info().command();
        return command.map(Path::of).filter(Path::isAbsolute).orElse(candidate.toAbsolutePath());
    }

    /** For the daemon and its service: the {@code java} launcher of this runtime ({@code java.exe} on Windows). */
    public static Path launcher() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return bin().resolve(windows ? "java.exe" : "java").toAbsolutePath();
    }

    private static Path bin() {
        return Path.of(System.getProperty("java.home")).resolve("bin");
    }
}
