package dev.cctelemetry.hooks.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a hook payload out of its spool file: reads at most {@link #MAX_BYTES} and deletes the file at once,
 * whatever it held, because a Stop payload carries the last assistant message and must not linger on disk.
 * Only a file directly inside the spool folder is touched: {@code hook-run --spool} names the file on a command
 * line anyone can type, and the worker must not read or delete the ledger or any other file it is pointed at.
 * A symlink is never followed (the spool is a plain file the hook script wrote).
 */
public final class SpoolReader {

    private static final Logger log = LoggerFactory.getLogger(SpoolReader.class);
    /** The hook script copies at most this much of stdin; anything larger was not written by it. */
    public static final int MAX_BYTES = 1024 * 1024;

    private final Path folder;

    /** @param folder the spool folder the hook scripts write to ({@code <home>/spool}) */
    public SpoolReader(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder is null");
    }

    /**
     * Whether {@code spool} names an entry directly inside the spool folder (the folder's symlinks resolved, the
     * entry's own name not: it must not be {@code ..} or a path through another folder).
     */
    public boolean isInFolder(Path spool) {
        Path given = spool.toAbsolutePath().normalize();
        Path parent = given.getParent();
        if (parent == null || given.getFileName() == null) {
            return false;
        }
        try {
            return parent.toRealPath().equals(folder.toRealPath());
        } catch (IOException e) {
            // No such folder: nothing can be read or deleted there, so the names alone may decide.
            return parent.equals(folder.toAbsolutePath().normalize());
        }
    }

    /**
     * Reads and deletes a spool file.
     *
     * @return the bytes, or empty when the file is missing (another worker took it, or it was never written)
     * @throws NotASpoolFileException when the path is not in the spool folder (nothing is read or deleted)
     * @throws SpoolTooLargeException when the file holds more than {@link #MAX_BYTES} (it is deleted anyway)
     * @throws IOException when it cannot be read (it is still deleted when possible)
     */
    public Optional<byte[]> take(Path spool) throws IOException {
        if (!isInFolder(spool)) {
            throw new NotASpoolFileException();
        }
        try {
            byte[] bytes;
            try (InputStream in = Files.newInputStream(spool, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            if (bytes.length > MAX_BYTES) {
                throw new SpoolTooLargeException();
            }
            return Optional.of(bytes);
        } finally {
            delete(spool);
        }
    }

    private static void delete(Path spool) {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            log.warn("cannot delete hook spool file: {}", e.getClass().getSimpleName());
        }
    }

    /** Deletes a spool file nobody will read (it may hold the last assistant message); only in the folder. */
    public void discard(Path spool) {
        if (isInFolder(spool)) {
            delete(spool);
        }
    }

    /** The path given as a spool file lies outside the spool folder. */
    public static final class NotASpoolFileException extends IOException {
        private static final long serialVersionUID = 1L;

        NotASpoolFileException() {
            super("--spool is not a file in the spool folder");
        }
    }

    /** The spool held more than {@link #MAX_BYTES}. */
    public static final class SpoolTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        SpoolTooLargeException() {
            super("hook spool file is larger than " + MAX_BYTES + " bytes");
        }
    }
}
