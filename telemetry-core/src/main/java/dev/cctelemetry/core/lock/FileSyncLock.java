package dev.cctelemetry.core.lock;

import dev.cctelemetry.core.port.out.SyncLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link SyncLock} over an OS file lock ({@code fcntl}/{@code LockFileEx}): released by the kernel when the
 * holder dies, so a killed sync never blocks the next one. The lock file itself is never deleted (deleting it
 * would let two processes lock two different inodes).
 */
public final class FileSyncLock implements SyncLock {

    private static final long POLL_MILLIS = 50;

    private final Path file;

    /** A lock on {@code file}; its folder is created on first use. */
    public FileSyncLock(Path file) {
        this.file = file;
    }

    @Override
    public Held acquire() throws InterruptedException {
        while (true) {
            Optional<Held> h = tryAcquire(Duration.ofSeconds(1));
            if (h.isPresent()) {
                return h.get();
            }
        }
    }

    @Override
    public Optional<Held> tryAcquire(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<Held> h = tryOnce();
            if (h.isPresent()) {
                return h;
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private Optional<Held> tryOnce() {
        FileChannel ch = null;
        try {
            Files.createDirectories(file.getParent());
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                return Optional.empty();
            }
            FileChannel channel = ch;
            return Optional.of(() -> {
                try {
                    lock.release();
                    channel.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (OverlappingFileLockException e) {
            // Held by another thread of this process: wait like any other holder.
            closeQuietly(ch);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("cannot open lock file " + file, e);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
