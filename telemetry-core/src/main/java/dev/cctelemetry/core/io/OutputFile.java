package dev.cctelemetry.core.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A file a command writes its output to ({@code export -o FILE}), never at the cost of something else. The path
 * may name:
 * <ul>
 *   <li>nothing yet, in a folder that exists, or a regular file: the output goes to an owner-only temp file next
 *       to it, which replaces the target whole once {@link #commit} is called (a failed export leaves the old
 *       file as it was);
 *   <li>a FIFO or a character device ({@code /dev/stdout}, a named pipe): it is opened and written to, never
 *       replaced (replacing {@code /dev/null} with a regular file would break the system);
 * </ul>
 * and is refused, untouched, when it is one of the protected files (the ledger, its {@code -wal} and {@code -shm},
 * the config: also through another name or a hard link), a folder, a symlink, a block device, a socket, or in a
 * folder that does not exist. Every refusal and failure is an {@link IOException} whose message is one line
 * that names the target and the problem, never a temp path.
 */
public final class OutputFile implements AutoCloseable {

    /** Unix file types in {@code st_mode} (the JDK's "unix" attribute view). */
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;

    private final Path target;
    private final Optional<Path> temp;
    private final OutputStream stream;
    private boolean committed;

    private OutputFile(Path target, Optional<Path> temp, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.stream = stream;
    }

    /**
     * Opens {@code target} for writing as described above.
     *
     * @param protectedFiles files that must never be written over (missing ones are ignored)
     * @throws Refused with a one-line message when the target is refused (nothing was touched)
     * @throws IOException with a one-line message when it cannot be opened
     */
    public static OutputFile open(Path target, Collection<Path> protectedFiles) throws IOException {
        Objects.requireNonNull(target, "target is null");
        Path abs = target.toAbsolutePath().normalize();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(abs, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            attrs = null;
        }
        if (attrs != null) {
            refuseProtected(target, abs, protectedFiles);
            if (attrs.isSymbolicLink()) {
                throw refused(target, "it is a symbolic link; name the file it points to");
            }
            if (attrs.isDirectory()) {
                throw refused(target, "it is a folder");
            }
            if (attrs.isOther()) {
                return openSpecial(target, abs);
            }
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw refused(target, "folder " + dir + " does not exist");
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp",
                    PrivateFiles.attributes(dir, false, false));
        } catch (IOException e) {
            throw failed(target, e);
        }
        try {
            FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
            return new OutputFile(target, Optional.of(tmp), new BufferedOutputStream(Channels.newOutputStream(ch),
                    1 << 16));
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw failed(target, e);
        }
    }

    /** Where the output goes until {@link #commit}; closing it is left to this object. */
    public OutputStream stream() {
        return new FilterOutputStream(stream) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the owner commits or closes
            }
        };
    }

    /** Finishes the output: flushed to disk and, for a regular file, put in place of the target. */
    public void commit() throws IOException {
        try {
            stream.close();
            if (temp.isPresent()) {
                try (FileChannel ch = FileChannel.open(temp.get(), StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                try {
                    Files.move(temp.get(), target, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp.get(), target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            committed = true;
        } catch (IOException e) {
            throw failed(target, e);
        }
    }

    /** Without {@link #commit}: the temp file is deleted and the target left as it was. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            // the output is abandoned anyway
        } finally {
            if (temp.isPresent()) {
                Files.deleteIfExists(temp.get());
            }
        }
    }

    private static OutputFile openSpecial(Path target, Path abs) throws IOException {
        Object mode;
        try {
            mode = Files.getAttribute(abs, "unix:mode");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw refused(target, "it is not a regular file");
        }
        int type = (Integer) mode & TYPE_MASK;
        if (type != FIFO && type != CHARACTER_DEVICE) {
            throw refused(target, "it is not a regular file, a pipe or a character device");
        }
        try {
            // Opened as it is (no create, no truncate): a pipe or device is written to, never replaced.
            return new OutputFile(target, Optional.empty(),
                    new BufferedOutputStream(Files.newOutputStream(abs, StandardOpenOption.WRITE), 1 << 16));
        } catch (IOException e) {
            throw failed(target, e);
        }
    }

    private static void refuseProtected(Path target, Path abs, Collection<Path> protectedFiles) throws IOException {
        for (Path p : protectedFiles) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            boolean same;
            try {
                same = Files.isSameFile(abs, p); // follows links; a hard link has the same file key
            } catch (IOException e) {
                same = false; // e.g. a dangling symlink: it is refused as a symlink below
            }
            if (same || abs.equals(p.toAbsolutePath().normalize())) {
                throw refused(target, "it is cc-telemetry's own " + p.getFileName() + ", which export must not"
                        + " overwrite");
            }
        }
    }

    private static Refused refused(Path target, String why) {
        return new Refused("cannot write " + target + ": " + why);
    }

    /** The target was refused before anything was written: a bad argument rather than a failure. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private static IOException failed(Path target, IOException e) {
        String why;
        if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            why = "folder does not exist";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            why = f.getReason();
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new IOException("cannot write " + target + ": " + why, e);
    }

    /** The files under a telemetry home that output must never replace, given the ledger and config. */
    public static List<Path> ledgerAndConfig(Path ledger, Path config) {
        return List.of(ledger, ledger.resolveSibling(ledger.getFileName() + "-wal"),
                ledger.resolveSibling(ledger.getFileName() + "-shm"),
                ledger.resolveSibling(ledger.getFileName() + "-journal"),
                ledger.resolveSibling(ledger.getFileName() + "-checkpoints"), config);
    }
}
