package dev.cctelemetry.app.dashboard;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A number that moves whenever one of some files, or a file in some folders, is written: their sizes and
 * modification times folded together. What tells the dashboard that a sync status file changed (they are not in
 * any store), and, for a store without a change counter of its own, that the ledger's log was written.
 */
final class FileStamps {

    private final List<Path> files;
    private final List<Path> folders;

    /**
     * @param files files watched (absent ones count as absent)
     * @param folders folders whose regular files are watched, not recursively
     */
    FileStamps(List<Path> files, List<Path> folders) {
        this.files = List.copyOf(files);
        this.folders = List.copyOf(folders);
    }

    /** The current stamp; cheap (a stat per file). */
    long stamp() {
        long h = 17;
        for (Path f : files) {
            h = 31 * h + stamp(f);
        }
        for (Path d : folders) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(d)) {
                for (Path f : entries) {
                    // The order of a listing is not stable; a sum does not depend on it.
                    h += f.getFileName().hashCode() * 31L + stamp(f);
                }
            } catch (IOException e) {
                h = 31 * h + 1;
            }
        }
        return h;
    }

    private static long stamp(Path f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            return Objects.hash(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.fileKey());
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            return -1;
        }
    }
}
