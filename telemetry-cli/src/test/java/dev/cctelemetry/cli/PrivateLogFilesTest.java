package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.testing.FileCreationTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17.1: logs (daemon and hook sync) and their rotated copies are owner-only from the system call that
 * creates them, whatever the umask, including the active file logback opens anew after each rollover. Traced as
 * {@link FileCreationTrace} explains.
 */
class PrivateLogFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"022", "002"})
    void logFilesTheirRotatedCopiesAndTheirFolderAreOwnerOnlyFromTheirCreation(String umask) throws Exception {
        FileCreationTrace.assumeAvailable();
        Path log = dir.resolve("home/logs/daemon.log");

        List<FileCreationTrace.Creation> created = FileCreationTrace.run(dir, umask, Map.of(),
                FileCreationTrace.javaMain(RollingLogWriter.class, log.toString()));

        assertThat(created).filteredOn(c -> c.path().equals(log)).as("created anew after each rollover")
                .hasSizeGreaterThan(2);
        assertThat(created).extracting(FileCreationTrace.Creation::path).contains(dir.resolve("home/logs"));
        assertThat(created).noneMatch(FileCreationTrace.Creation::openToOthers);
        for (Path p : List.of(log, log.resolveSibling("daemon.log.1"), log.resolveSibling("daemon.log.3"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                    .isEqualTo("rw-------");
        }
    }
}
