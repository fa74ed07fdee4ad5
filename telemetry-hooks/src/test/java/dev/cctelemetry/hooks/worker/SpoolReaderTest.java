package dev.cctelemetry.hooks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolReaderTest {

    @TempDir
    Path tmp;

    private final SpoolReader reader = new SpoolReader();

    @Test
    void spoolIsReadThenDeleted() throws IOException {
        Path spool = Files.writeString(tmp.resolve("s.json"), "{\"last_assistant_message\":\"private\"}");

        assertThat(reader.take(spool).map(b -> new String(b, StandardCharsets.UTF_8))).get().asString()
                .contains("private");
        assertThat(spool).doesNotExist();
    }

    @Test
    void missingSpoolIsEmpty() throws IOException {
        assertThat(reader.take(tmp.resolve("gone.json"))).isEmpty();
    }

    @Test
    void oversizedSpoolIsRefusedAndStillDeleted() throws IOException {
        Path spool = Files.write(tmp.resolve("big.json"), new byte[SpoolReader.MAX_BYTES + 1]);

        assertThatThrownBy(() -> reader.take(spool)).isInstanceOf(SpoolReader.SpoolTooLargeException.class);
        assertThat(spool).doesNotExist();
    }

    @Test
    void symlinkedSpoolIsNotFollowedAndItsTargetSurvives() throws IOException {
        Path target = Files.writeString(tmp.resolve("precious.txt"), "keep me");
        Path spool = Files.createSymbolicLink(tmp.resolve("s.json"), target);

        assertThatThrownBy(() -> reader.take(spool)).isInstanceOf(IOException.class);
        assertThat(target).hasContent("keep me");
        assertThat(spool).doesNotExist();
    }
}
