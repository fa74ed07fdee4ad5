package dev.cctelemetry.core.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes an existing folder tree owner-only: the folder itself and everything in it ({@link PrivateFiles#restrict}).
 * Installs made before files were created private (a ledger 0644 in a home 0755 under the usual umask) are fixed
 * this way on their next run. Symlinks are neither followed nor changed: what they point at is not ours. A tree
 * that is already private costs one stat per entry and changes nothing.
 */
public final class PrivateTree {

    /**
     * What one pass did.
     *
     * @param fixed entries whose permissions were narrowed
     * @param failed entries that could not be narrowed, each with the reason (e.g. owned by another user)
     */
    public record Outcome(List<Path> fixed, List<String> failed) {
        public Outcome {
            fixed = List.copyOf(fixed);
            failed = List.copyOf(failed);
        }

        /** Whether nothing was found open to others. */
        public boolean alreadyPrivate() {
            return fixed.isEmpty() && failed.isEmpty();
        }
    }

    private PrivateTree() {
    }

    /** Narrows {@code root} and everything under it; a missing root is an empty outcome. Never throws. */
    public static Outcome restrict(Path root) {
        Objects.requireNonNull(root, "root is null");
        List<Path> fixed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new Outcome(fixed, failed);
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    one(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isSymbolicLink()) {
                        one(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!(e instanceof NoSuchFileException)) { // gone meanwhile (a spool file taken): fine
                        failed.add(file + ": " + reason(e));
                    }
                    return FileVisitResult.CONTINUE;
                }

                private void one(Path p) {
                    try {
                        if (PrivateFiles.restrict(p)) {
                            fixed.add(p);
                        }
                    } catch (NoSuchFileException e) {
                        // gone meanwhile
                    } catch (IOException | SecurityException e) {
                        failed.add(p + ": " + reason(e));
                    }
                }
            });
        } catch (IOException e) {
            failed.add(root + ": " + reason(e));
        }
        return new Outcome(fixed, failed);
    }

    private static String reason(Exception e) {
        String type = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? type : type + " (" + e.getMessage() + ")";
    }
}
