package dev.cctelemetry.app.hooks;

import dev.cctelemetry.core.io.PrivateFiles;
import java.io.OutputStream;
import java.nio.file.StandardOpenOption;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Installs the running jar as {@code lib/cc-telemetry-<version>-<sha256 prefix>.jar}. The name changes with the
 * content, so a new version never overwrites a jar that a hook worker JVM may still have open (on Windows that
 * would fail, on Unix it would crash the JVM reading it); the copy is made under a temp name and moved into place
 * atomically, so a hook never sees half a jar.
 */
public final class JarInstaller {

    private static final int HASH_PREFIX_CHARS = 12;

    /**
     * Where {@code source} goes.
     *
     * @param source the jar to install
     * @param libDir the telemetry home's {@code lib/}
     * @param version the version for the name ("dev" when unknown); characters unsafe in a file name are dropped
     */
    public Plan plan(Path source, Path libDir, String version) throws IOException {
        String hash = sha256(source);
        String safeVersion = version.replaceAll("[^A-Za-z0-9._-]", "");
        if (safeVersion.isEmpty()) {
            safeVersion = "dev";
        }
        Path target = libDir.resolve("cc-telemetry-" + safeVersion + "-" + hash.substring(0, HASH_PREFIX_CHARS)
                + ".jar").toAbsolutePath();
        boolean present = Files.isRegularFile(target) && sha256(target).equals(hash);
        return new Plan(source, target, hash, present);
    }

    /** Copies the jar into place unless an identical copy is there; returns whether it copied. */
    public boolean install(Plan plan) throws IOException {
        if (plan.alreadyInstalled()) {
            return false;
        }
        Path dir = plan.target().getParent();
        PrivateFiles.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".cc-telemetry-", ".jar.tmp", PrivateFiles.attributes(dir, false, false));
        try {
            // Into the owner-only file just made: Files.copy(.., REPLACE_EXISTING) would delete it and create a
            // new one with the default mode.
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                Files.copy(plan.source(), out);
            }
            if (!sha256(tmp).equals(plan.sha256())) {
                throw new IOException("the copy of " + plan.source() + " differs from the original");
            }
            try {
                Files.move(tmp, plan.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, plan.target(), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return true;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest()).toLowerCase(Locale.ROOT);
    }

    /**
     * An installation to make.
     *
     * @param source the running jar
     * @param target the versioned file under {@code lib/}
     * @param sha256 the jar's SHA-256, hex
     * @param alreadyInstalled whether an identical copy is already at {@code target}
     */
    public record Plan(Path source, Path target, String sha256, boolean alreadyInstalled) {
        public Plan {
            Objects.requireNonNull(source, "source is null");
            Objects.requireNonNull(target, "target is null");
            Objects.requireNonNull(sha256, "sha256 is null");
        }
    }
}
