package dev.cctelemetry.hooks.settings;

import dev.cctelemetry.core.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces a settings file through {@link AtomicFile} (readers only ever see the old bytes or the new ones), only
 * when it still holds what was read, so a concurrent edit by Claude Code is never overwritten. The target's POSIX
 * permissions are carried over; a new file is owner-only (settings can hold secrets in their {@code env} block).
 */
final class GuardedReplace {

    /**
     * Writes {@code bytes} to {@code target}, whose current content must still be {@code expected}
     * (empty = the file must still be missing).
     */
    void replace(Path target, byte[] bytes, Optional<byte[]> expected) throws IOException {
        Optional<Set<PosixFilePermission>> permissions = expected.isPresent() ? posixPermissions(target) : Optional.empty();
        AtomicFile.write(target, bytes, permissions, () -> requireUnchanged(target, expected));
    }

    /** Whether the file's own read-only flag is set (checked on the mode bits, so it also holds for root). */
    static boolean isReadOnly(Path file) throws IOException {
        Optional<Set<PosixFilePermission>> permissions = posixPermissions(file);
        if (permissions.isPresent()) {
            return !permissions.get().contains(PosixFilePermission.OWNER_WRITE) || !Files.isWritable(file);
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("dos")) {
            return Files.readAttributes(file, DosFileAttributes.class).isReadOnly() || !Files.isWritable(file);
        }
        return !Files.isWritable(file);
    }

    static Optional<Set<PosixFilePermission>> posixPermissions(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        return Optional.of(Files.getPosixFilePermissions(file));
    }

    private static void requireUnchanged(Path target, Optional<byte[]> expected) throws IOException {
        boolean same = expected.isPresent()
                ? Files.exists(target) && Arrays.equals(Files.readAllBytes(target), expected.get())
                : !Files.exists(target);
        if (!same) {
            throw new ClaudeSettingsException(target + " was changed by another program while cc-telemetry was "
                    + "editing it; nothing was written, run the command again");
        }
    }
}
