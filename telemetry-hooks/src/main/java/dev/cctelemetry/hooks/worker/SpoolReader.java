package dev.cctelemetry.hooks.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a hook payload out of its spool file: reads at most {@link #MAX_BYTES} and deletes the file at once,
 * whatever it held, because a Stop payload carries the last assistant message and must not linger on disk.
 * A symlink is never followed (the spool is a plain file the hook script wrote).
 */
public final class SpoolReader {

    private static final Logger log = LoggerFactory.getLogger(SpoolReader.class);
    /** The hook script copies at most this much of stdin; anything larger was not written by it. */
    public static final int MAX_BYTES = 1024 * 1024;

    /**
     * Reads and deletes a spool file.
     *
     * @return the bytes, or empty when the file is missing (another worker took it, or it was never written)
     * @throws SpoolTooLargeException when the file holds more than {@link #MAX_BYTES} (it is deleted anyway)
     * @throws IOException when it cannot be read (it is still deleted when possible)
     */
    public Optional<byte[]> take(Path spool) throws IOException {
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

    /** The spool held more than {@link #MAX_BYTES}. */
    public static final class SpoolTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        SpoolTooLargeException() {
            super("hook spool file is larger than " + MAX_BYTES + " bytes");
        }
    }
}
