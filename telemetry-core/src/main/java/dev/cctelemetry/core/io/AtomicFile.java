package dev.cctelemetry.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces a small file whole: the bytes go to a fresh temp file in the same folder, are flushed to disk, and
 * the temp file is renamed over the target. A reader sees the old content or the new one, never half of it, and
 * a crash leaves the old file intact. Used for config, state, status, script and service files alike. The file
 * and any folder made for it are owner-only from the moment they exist ({@link PrivateFiles}).
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /** Writes {@code bytes} to {@code target} (mode 0600), creating its folder (0700). */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, Optional.empty());
    }

    /**
     * Writes {@code bytes} to {@code target} with the given POSIX permissions set before the rename (so the file
     * is never visible with looser ones); ignored where the file system has no POSIX permissions.
     */
    public static void write(Path target, byte[] bytes, Optional<Set<PosixFilePermission>> permissions)
            throws IOException {
        write(target, bytes, permissions, () -> { });
    }

    /**
     * Writes as {@link #write(Path, byte[], Optional)} does, and runs {@code beforeRename} once the new bytes are on
     * disk, just before they replace the target: it throws to leave the target as it is (a settings file another
     * program changed meanwhile, say).
     */
    public static void write(Path target, byte[] bytes, Optional<Set<PosixFilePermission>> permissions,
            BeforeRename beforeRename) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        PrivateFiles.createDirectories(dir);
        Path tmp = createTemp(dir, target.getFileName().toString());
        try {
            if (permissions.isPresent()) {
                try {
                    Files.setPosixFilePermissions(tmp, permissions.get());
                } catch (UnsupportedOperationException e) {
                    // Windows: the file inherits the folder's ACL.
                }
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) { // created empty, owner only
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            beforeRename.check();
            moveOver(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A last check before the new content replaces the old. */
    @FunctionalInterface
    public interface BeforeRename {
        /** Throws to keep the target as it is. */
        void check() throws IOException;
    }

    /**
     * Writes what {@code content} produces to {@code target} the same way, without holding it whole: for files
     * whose size grows with the user's history (the ledger's published checkpoints).
     */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        PrivateFiles.createDirectories(dir);
        Path tmp = createTemp(dir, target.getFileName().toString());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) { // created empty, owner only
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            moveOver(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** What a streamed {@link #write(Path, Content)} writes. */
    @FunctionalInterface
    public interface Content {
        /** Writes the file's bytes to {@code out} (buffered; flushed and closed by the caller). */
        void writeTo(OutputStream out) throws IOException;
    }

    private static void moveOver(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A new, empty file next to the target, owner-only from its creation ({@link PrivateFiles}), named from the
     * clock instead of a {@code SecureRandom}: seeding one cost a few milliseconds of every start.
     * {@code CREATE_NEW} settles a clash of names, between threads or processes, by trying another.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(System.nanoTime()) + "-" + attempt + ".tmp");
            try {
                PrivateFiles.createFile(tmp);
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }
}
