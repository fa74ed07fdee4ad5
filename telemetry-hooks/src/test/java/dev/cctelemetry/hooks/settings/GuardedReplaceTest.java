package dev.cctelemetry.hooks.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardedReplaceTest {

    @TempDir
    Path dir;

    private final GuardedReplace writer = new GuardedReplace();

    @Test
    void replaceWritesNewBytesAndLeavesNoTempFile() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "old");

        writer.replace(file, bytes("new"), Optional.of(bytes("old")));

        assertThat(Files.readString(file)).isEqualTo("new");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void fileChangedByAnotherProgramSinceReadingIsNotOverwritten() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "written by Claude Code meanwhile");

        assertThatThrownBy(() -> writer.replace(file, bytes("ours"), Optional.of(bytes("what we read"))))
                .isInstanceOf(ClaudeSettingsException.class)
                .hasMessageContaining("changed by another program");
        assertThat(Files.readString(file)).isEqualTo("written by Claude Code meanwhile");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void fileThatAppearedSinceReadingIsNotOverwritten() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{}");

        assertThatThrownBy(() -> writer.replace(file, bytes("ours"), Optional.empty()))
                .isInstanceOf(ClaudeSettingsException.class);
        assertThat(Files.readString(file)).isEqualTo("{}");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
