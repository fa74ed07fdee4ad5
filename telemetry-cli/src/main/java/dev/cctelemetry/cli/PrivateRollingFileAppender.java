package dev.cctelemetry.cli;

import ch.qos.logback.core.rolling.RollingFileAppender;
import dev.cctelemetry.core.io.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A rolling log file that only its owner can read, and its folder likewise, from the moment each is created: logback
 * opens a log with {@code FileOutputStream} (mode 0666 less the umask) and makes folders with {@code mkdirs}, and
 * after each rollover it creates a new active file the same way. Here every open, the first and those after a
 * rollover, finds the file already made owner-only ({@link PrivateFiles}); the rotated copies are renames, so they
 * keep that mode. Logs name sessions, folders and errors; they are as private as the ledger.
 *
 * @param <E> the event type
 */
public final class PrivateRollingFileAppender<E> extends RollingFileAppender<E> {

    @Override
    public void openFile(String fileName) throws IOException {
        Path file = Path.of(fileName).toAbsolutePath();
        PrivateFiles.createDirectories(file.getParent());
        PrivateFiles.createFileIfMissing(file);
        super.openFile(fileName);
    }
}
