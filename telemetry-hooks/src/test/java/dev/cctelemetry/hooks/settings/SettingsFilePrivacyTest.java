package dev.cctelemetry.hooks.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.testing.FileCreationTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings file may hold an API key in its {@code env} block: nothing cc-telemetry writes next to it may be
 * readable by another user, not even for the moment between creating a file and changing its mode (issue 18.1: a
 * second user watching {@code ~/.claude} with inotify read the key from the backup). The creating system calls
 * are traced ({@link FileCreationTrace} says why a check afterwards cannot catch this).
 */
class SettingsFilePrivacyTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"022", "002"})
    void backupTempFileAndNewFolderAreOwnerOnlyFromTheirCreation(String umask) throws Exception {
        FileCreationTrace.assumeAvailable();
        Path claude = Files.createDirectory(dir.resolve(".claude"));
        Path settings = Files.writeString(claude.resolve("settings.json"),
                "{\"env\": {\"ANTHROPIC_API_KEY\": \"sk-ant-secret\"}}\n");
        Files.setPosixFilePermissions(settings, PosixFilePermissions.fromString("rw-------"));
        Path fresh = dir.resolve("new-config").resolve("settings.json");

        List<FileCreationTrace.Creation> created = FileCreationTrace.run(dir, umask, Map.of(),
                FileCreationTrace.javaMain(HooksInstaller.class, settings.toString()));
        created = Stream.concat(created.stream(), FileCreationTrace.run(dir, umask, Map.of(),
                FileCreationTrace.javaMain(HooksInstaller.class, fresh.toString())).stream()).toList();

        assertThat(created).extracting(c -> c.path().getFileName().toString())
                .anyMatch(n -> n.startsWith("settings.json.cc-telemetry-backup-"))
                .anyMatch(n -> n.startsWith(".settings.json.") && n.endsWith(".tmp")) // AtomicFile's temp file
                .contains("new-config");
        assertThat(created).noneMatch(FileCreationTrace.Creation::openToOthers);
        try (Stream<Path> files = Files.list(claude)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains("backup")).findFirst().orElseThrow())
                    .satisfies(b -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(b)))
                            .isEqualTo("rw-------"));
        }
    }
}
