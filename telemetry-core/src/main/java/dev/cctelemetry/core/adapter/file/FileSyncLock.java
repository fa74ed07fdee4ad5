package dev.cctelemetry.core.adapter.file;

import dev.cctelemetry.core.io.PrivateFiles;
import dev.cctelemetry.core.port.out.SyncLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * {@link SyncLock} over an OS file lock ({@code fcntl}/{@code LockFileEx}): released by the kernel when the
 * holder dies, so a killed sync never blocks the next one. The lock file itself is never deleted (deleting it
 * would let two processes lock two different inodes). While held it holds one byte, truncated away on release,
 * so the next holder can tell that its predecessor died mid-ingest ({@link Held#previousHolderDied()}).
 */
public final class FileSyncLock implements SyncLock {

    private static final long POLL_MILLIS = 50;
    private static final byte[] HELD_MARK = {'1'};

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
            PrivateFiles.createDirectories(file.getParent());
            ch = PrivateFiles.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE));
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                return Optional.empty();
            }
            // A holder writes a byte while it holds the lock and truncates it before releasing: a byte found
            // here means the last holder died holding the lock (the kernel released it, the byte stayed).
            boolean died = ch.size() > 0;
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(HELD_MARK), 0);
            return Optional.of(new FileHeld(ch, lock, died));
        } catch (OverlappingFileLockException e) {
            // Held by another thread of this process: wait like any other holder.
            closeQuietly(ch);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("cannot open lock file " + file, e);
        }
    }

    /** A held lock on the file. */
    private static final class FileHeld implements Held {
        private final FileChannel channel;
        private final FileLock lock;
        private final boolean previousHolderDied;

        FileHeld(FileChannel channel, FileLock lock, boolean previousHolderDied) {
            this.channel = channel;
            this.lock = lock;
            this.previousHolderDied = previousHolderDied;
        }

        @Override
        public boolean previousHolderDied() {
            return previousHolderDied;
        }

        @Override
        public void close() {
            try {
                channel.truncate(0);
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
