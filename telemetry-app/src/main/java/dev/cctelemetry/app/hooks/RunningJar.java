package dev.cctelemetry.app.hooks;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/** Finds the jar this process runs from, which {@code setup-hooks} installs for the hooks to call. */
@FunctionalInterface
public interface RunningJar {

    /** The jar file, or empty when the classes were not loaded from a jar (an IDE, {@code mvn exec}, tests). */
    Optional<Path> find();

    /** The jar that holds {@code anchor}'s class file, found through its code source. */
    static RunningJar containing(Class<?> anchor) {
        return () -> {
            CodeSource source = anchor.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            try {
                Path p = Path.of(source.getLocation().toURI()).toAbsolutePath();
                return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar")
                        ? Optional.of(p) : Optional.empty();
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Optional.empty();
            }
        };
    }
}
