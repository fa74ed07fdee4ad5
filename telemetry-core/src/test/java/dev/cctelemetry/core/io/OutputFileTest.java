package dev.cctelemetry.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18.2: {@code export -o} wrote over whatever the path named, the ledger and /dev/null included. */
class OutputFileTest {

    @TempDir
    Path dir;

    private Path home;
    private Path ledger;
    private List<Path> protectedFiles;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        ledger = Files.writeString(home.resolve("telemetry.db"), "SQLite format 3");
        Files.writeString(home.resolve("telemetry.db-wal"), "wal");
        Files.writeString(home.resolve("config.json"), "{}");
        protectedFiles = OutputFile.ledgerAndConfig(ledger, home.resolve("config.json"));
    }

    private static void write(OutputFile out, String text) throws IOException {
        try (OutputStream s = out.stream()) {
            s.write(text.getBytes(StandardCharsets.UTF_8));
        }
        out.commit();
    }

    @Test
    void aNewFileIsWrittenOwnerOnlyAndAnExistingOneReplacedWhole() throws IOException {
        Path csv = dir.resolve("export.csv");
        try (OutputFile out = OutputFile.open(csv, protectedFiles)) {
            write(out, "first");
        }
        try (OutputFile out = OutputFile.open(csv, protectedFiles)) {
            write(out, "second");
        }

        assertThat(csv).hasContent("second");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csv))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(csv, home);
        }
    }

    @Test
    void anOutputLeftUncommittedLeavesTheOldFileAndNoTempFile() throws IOException {
        Path csv = Files.writeString(dir.resolve("export.csv"), "old");
        try (OutputFile out = OutputFile.open(csv, protectedFiles)) {
            out.stream().write("half".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(csv).hasContent("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(csv, home);
        }
    }

    @Test
    void theLedgerItsLogTheConfigAndOtherNamesForThemAreRefusedUntouched() throws IOException {
        Path hardLink = Files.createLink(dir.resolve("hard.db"), ledger);
        Path symlink = Files.createSymbolicLink(dir.resolve("soft.db"), ledger);

        for (Path p : List.of(ledger, home.resolve("telemetry.db-wal"), home.resolve("config.json"),
                home.resolve("../home/./telemetry.db"), hardLink, symlink)) {
            assertThatThrownBy(() -> OutputFile.open(p, protectedFiles)).as(p.toString())
                    .isInstanceOf(OutputFile.Refused.class)
                    .hasMessageStartingWith("cannot write " + p + ": it is cc-telemetry's own ")
                    .hasMessageNotContaining("\n");
        }
        assertThat(ledger).hasContent("SQLite format 3");
    }

    @Test
    void foldersSymlinksAndMissingFoldersAreRefusedWithOneLineNamingTheProblem() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), dir.resolve("elsewhere.csv"));

        assertThatThrownBy(() -> OutputFile.open(home, protectedFiles))
                .hasMessage("cannot write " + home + ": it is a folder");
        assertThatThrownBy(() -> OutputFile.open(link, protectedFiles))
                .hasMessage("cannot write " + link + ": it is a symbolic link; name the file it points to");
        Path missing = dir.resolve("no/such/out.csv");
        assertThatThrownBy(() -> OutputFile.open(missing, protectedFiles))
                .hasMessage("cannot write " + missing + ": folder " + dir.resolve("no/such") + " does not exist");
        assertThat(dir.resolve("elsewhere.csv")).doesNotExist();
    }

    @Test
    void aCharacterDeviceIsWrittenToAndNeverReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        try (OutputFile out = OutputFile.open(devNull, protectedFiles)) {
            write(out, "discarded");
        }

        assertThat(Files.isRegularFile(devNull)).isFalse();
        assertThat(Files.isWritable(devNull)).isTrue();
    }

    @Test
    void aNamedPipeIsWrittenToAndStaysAPipe() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor()).isZero();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        try (OutputFile out = OutputFile.open(fifo, protectedFiles)) {
            write(out, "through the pipe");
        }

        assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo("through the pipe");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void aBlockDeviceIsRefused() throws IOException {
        Path block;
        try (Stream<Path> dev = Files.list(Path.of("/dev"))) {
            block = dev.filter(p -> {
                try {
                    return ((Integer) Files.getAttribute(p, "unix:mode") & 0170000) == 0060000;
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElse(null);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(block != null, "no block device in /dev here");
        Path device = block;

        assertThatThrownBy(() -> OutputFile.open(device, protectedFiles))
                .hasMessage("cannot write " + device + ": it is not a regular file, a pipe or a character device");
    }
}
