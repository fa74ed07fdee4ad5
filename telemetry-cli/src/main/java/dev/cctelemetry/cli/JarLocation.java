package dev.cctelemetry.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the Java runtime and the cc-telemetry jar are, for commands that start cc-telemetry again. */
final class JarLocation {

    private JarLocation() {
    }

    /** The absolute {@code java} launcher of this runtime. */
    static Path javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toAbsolutePath();
    }

    /** The jar this process runs from; empty when running from classes (tests in an IDE or Maven). */
    static Optional<Path> runningJar() {
        try {
            var src = JarLocation.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return Optional.empty();
            }
            Path p = Path.of(src.getLocation().toURI()).toAbsolutePath();
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The jar a service should run: the installed copy under {@code <home>/lib} (the newest if several, since
     * setup installs versioned copies), else the running jar.
     */
    static Optional<Path> serviceJar(Path telemetryHome) {
        Path lib = telemetryHome.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> s = Files.list(lib)) {
                Optional<Path> installed = s.filter(p -> p.getFileName().toString().endsWith(".jar"))
                        .filter(Files::isRegularFile)
                        .max(Comparator.comparing(JarLocation::modified));
                if (installed.isPresent()) {
                    return Optional.of(installed.get().toAbsolutePath());
                }
            } catch (IOException e) {
                // fall back to the running jar
            }
        }
        return runningJar();
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
