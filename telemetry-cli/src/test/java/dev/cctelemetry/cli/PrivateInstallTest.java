package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.testing.FileCreationTrace;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17.1 end to end: under umask 022 a first sync left the home 0755 and the ledger 0644; the ledger holds
 * session ids, project paths, working directories and spend, and outlives the 0600 transcripts.
 */
class PrivateInstallTest {

    private static final String S1 = "11111111-1111-4111-8111-111111111111";

    @TempDir
    Path tmp;

    private Path transcript(Path claude) throws IOException {
        Path file = claude.resolve("projects/-work-p/" + S1 + ".jsonl");
        TranscriptBuilder.session(S1)
                .assistant("msg_1", "req_1", "claude-sonnet-4-20250514", "2026-01-01T10:00:00.000Z", 1, 2, 3, 4,
                        "end_turn")
                .writeTo(file);
        return file;
    }

    /** Every file and folder a first sync and an export create is owner-only from its creating system call. */
    @ParameterizedTest
    @ValueSource(strings = {"022", "002"})
    void aFirstSyncAndAnExportCreateNothingOthersCanRead(String umask) throws Exception {
        FileCreationTrace.assumeAvailable();
        transcript(tmp.resolve("claude"));
        Path home = tmp.resolve("telemetry");
        Map<String, String> env = Map.of("CC_TELEMETRY_HOME", home.toString(),
                "CLAUDE_CONFIG_DIR", tmp.resolve("claude").toString(), "HOME", tmp.resolve("user").toString());

        List<FileCreationTrace.Creation> created = FileCreationTrace.run(tmp, umask, env,
                FileCreationTrace.javaMain(Main.class, "sync"));
        created = Stream.concat(created.stream(), FileCreationTrace.run(tmp, umask, env,
                FileCreationTrace.javaMain(Main.class, "export", "-o", tmp.resolve("out.csv").toString()))
                .stream()).toList();

        assertThat(created).extracting(c -> tmp.relativize(c.path()).toString())
                .contains("telemetry", "telemetry/telemetry.db", "telemetry/telemetry.db-wal",
                        "telemetry/telemetry.db-shm", "telemetry/state")
                .anyMatch(p -> p.startsWith(".out.csv."));
        assertThat(created).noneMatch(FileCreationTrace.Creation::openToOthers);
        assertThat(openToOthers(home)).isEmpty();
        assertThat(mode(tmp.resolve("out.csv"))).isEqualTo("rw-------");
    }

    /** An install from before the fix is made private by its next sync, and doctor says what it fixed. */
    @Test
    void anExistingLooseInstallIsMadePrivateBySyncAndDoctorSaysWhatItFixed() throws Exception {
        CliHarness cli = new CliHarness(tmp);
        cli.oneRecordSession(S1);
        assertThat(cli.run("sync").exitCode()).isZero();
        loosen(cli.telemetryHome);
        assertThat(openToOthers(cli.telemetryHome)).hasSizeGreaterThan(3);

        CliHarness.Result doctor = cli.run("doctor");
        assertThat(doctor.stdout()).containsPattern("Private files +✓ fixed: made \\d+ entries owner-only \\(the home,");
        assertThat(openToOthers(cli.telemetryHome)).isEmpty();
        assertThat(cli.run("doctor").stdout()).contains("and its files are readable by their owner only");

        loosen(cli.telemetryHome);
        assertThat(cli.run("sync").exitCode()).isZero();
        assertThat(openToOthers(cli.telemetryHome)).isEmpty();
    }

    private static void loosen(Path home) throws IOException {
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : all.toList()) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                            Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    private static List<Path> openToOthers(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !Files.isSymbolicLink(p)).filter(p -> {
                try {
                    String m = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                    return !m.endsWith("------");
                } catch (IOException e) {
                    return true;
                }
            }).toList();
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
