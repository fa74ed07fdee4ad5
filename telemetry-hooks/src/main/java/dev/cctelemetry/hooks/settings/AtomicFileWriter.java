package dev.cctelemetry.hooks.settings;

import dev.cctelemetry.core.io.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces a file's content so that readers only ever see the old bytes or the new ones: a synced temp file in the
 * same directory, then a rename over the target. The target's POSIX permissions are carried over; a new file gets
 * the temp file's owner-only permissions (settings can hold secrets in their {@code env} block).
 */
final class AtomicFileWriter {

    /**
     * Writes {@code bytes} to {@code target}, whose current content must still be {@code expected}
     * (empty = the file must still be missing), so a concurrent edit by Claude Code is not overwritten.
     */
    void replace(Path target, byte[] bytes, Optional<byte[]> expected) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        PrivateFiles.createDirectories(dir);
        Optional<Set<PosixFilePermission>> permissions = expected.isPresent() ? posixPermissions(target) : Optional.empty();
        // Owner-only until it has its final mode (Files.createTempFile is so on POSIX only, not on Windows).
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".cc-telemetry-tmp",
                PrivateFiles.attributes(dir, false, false));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            if (permissions.isPresent()) {
                Files.setPosixFilePermissions(tmp, permissions.get());
            }
            requireUnchanged(target, expected);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
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

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this only happens on unusual file systems; a plain replace is the best left.
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
