package dev.cctelemetry.hooks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolReaderTest {

    @TempDir
    Path tmp;

    private SpoolReader reader;

    @org.junit.jupiter.api.BeforeEach
    void setUp() {
        reader = new SpoolReader(tmp);
    }

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

    @Test
    void aPathOutsideTheSpoolFolderIsNeitherReadNorDeleted() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path spoolFolder = Files.createDirectories(home.resolve("spool"));
        Path ledger = Files.writeString(home.resolve("telemetry.db"), "the only copy");
        Path nested = Files.createDirectories(spoolFolder.resolve("sub")).resolve("stop.x");
        Files.writeString(nested, "{}");
        Path linkedFolder = Files.createSymbolicLink(spoolFolder.resolve("out"), home);
        SpoolReader inHome = new SpoolReader(spoolFolder);

        for (Path p : List.of(ledger, spoolFolder.resolve("../telemetry.db"), nested,
                linkedFolder.resolve("telemetry.db"), Path.of("/etc/hostname"))) {
            assertThatThrownBy(() -> inHome.take(p)).as(p.toString())
                    .isInstanceOf(SpoolReader.NotASpoolFileException.class);
            inHome.discard(p);
        }
        assertThat(ledger).hasContent("the only copy");
        assertThat(nested).exists();
    }

    @Test
    void theSpoolFolderMayBeReachedThroughASymlink() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real-spool"));
        Path link = Files.createSymbolicLink(tmp.resolve("spool"), real);
        Path spool = Files.writeString(real.resolve("stop.abc"), "{}");

        assertThat(new SpoolReader(link).take(spool)).isPresent();
        assertThat(spool).doesNotExist();
    }
}
