package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.testing.FileCreationTrace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ledger holds session ids, project paths, working directories and spend, and outlives the transcripts
 * (which Claude Code writes 0600): it, its {@code -wal} and {@code -shm}, and the native library's folder are
 * owner-only from the system call that creates them (issue 17.1), traced as {@link FileCreationTrace} explains.
 */
class LedgerPrivacyTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"022", "002"})
    void newLedgerItsLogFilesAndFoldersAreOwnerOnlyFromTheirCreation(String umask) throws Exception {
        FileCreationTrace.assumeAvailable();
        Path home = dir.resolve("home");

        List<FileCreationTrace.Creation> created = FileCreationTrace.run(dir, umask, Map.of(),
                FileCreationTrace.javaMain(LedgerOpener.class, home.toString()));

        assertThat(created).extracting(c -> home.relativize(c.path()).toString())
                .contains("", "telemetry.db", "telemetry.db-wal", "telemetry.db-shm", "lib", "lib/native");
        assertThat(created).noneMatch(FileCreationTrace.Creation::openToOthers);
    }
}
