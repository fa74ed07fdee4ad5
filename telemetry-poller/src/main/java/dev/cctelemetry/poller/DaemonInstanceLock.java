package dev.cctelemetry.poller;

import dev.cctelemetry.core.io.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The one-daemon-per-machine guard: an OS file lock on {@code <home>/state/daemon.lock} held for the daemon's
 * whole life. The kernel releases it when the process dies, however it dies, so a killed daemon never blocks the
 * next one (a pid file alone could not tell a stale pid from a live one). The file holds the holder's pid, for
 * messages only; it is never deleted (deleting it would let two daemons lock two different inodes).
 */
public final class DaemonInstanceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DaemonInstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock if no other daemon holds it.
     *
     * @param file the lock file; its folder is created
     * @param pid this process's id, written into the file
     * @return the held lock, or empty when another daemon (or this process) holds it
     */
    public static Optional<DaemonInstanceLock> tryAcquire(Path file, long pid) throws IOException {
        return lock(file, OptionalLong.of(pid));
    }

    private static Optional<DaemonInstanceLock> lock(Path file, OptionalLong pid) throws IOException {
        PrivateFiles.createDirectories(file.getParent());
        FileChannel ch = PrivateFiles.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE));
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            ch.close();
            return Optional.empty();
        }
        if (pid.isPresent()) {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((pid.getAsLong() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
        }
        return Optional.of(new DaemonInstanceLock(ch, lock));
    }

    /** Whether some daemon holds the lock now (takes and releases it when free). */
    public static boolean isHeld(Path file) throws IOException {
        Optional<DaemonInstanceLock> l = lock(file, OptionalLong.empty());
        l.ifPresent(DaemonInstanceLock::close);
        return l.isEmpty();
    }

    /** The pid the current or last holder wrote, when readable. */
    public static OptionalLong holderPid(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return s.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(s));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the OS releases the lock with the process anyway
        }
    }
}
