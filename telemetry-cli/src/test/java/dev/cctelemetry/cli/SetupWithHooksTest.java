package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code setup --hooks} runs the same installation as {@code setup-hooks}; {@code uninstall} undoes it. */
class SetupWithHooksTest {

    @TempDir
    Path tmp;

    /** A harness whose "running jar" is a file in a build folder (tests run from classes). */
    private CliHarness runningFromAJar() throws IOException {
        CliHarness cli = new CliHarness(tmp);
        Path jar = tmp.resolve("build").resolve("cc-telemetry.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, "jar bytes".getBytes(StandardCharsets.UTF_8));
        cli.runningJar = Optional.of(jar);
        return cli;
    }

    @Test
    void nonInteractiveSetupWithHooksWritesTheScriptsAndRegistersThem() throws IOException {
        CliHarness cli = runningFromAJar();

        CliHarness.Result r = cli.run("setup", "--non-interactive", "--machine-name", "box-1", "--hooks",
                "--no-service", "--no-sync");

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        Path stop = cli.telemetryHome.resolve("hooks").resolve("cc-telemetry-stop.sh");
        Path end = cli.telemetryHome.resolve("hooks").resolve("cc-telemetry-session-end.sh");
        assertThat(stop).exists();
        assertThat(end).exists();
        try (var libs = Files.list(cli.telemetryHome.resolve("lib"))) {
            Path installed = libs.findFirst().orElseThrow();
            assertThat(Files.readString(stop)).contains(installed.toString());
        }
        Path settings = cli.userHome.resolve(".claude").resolve("settings.json");
        JsonNode doc = new ObjectMapper().readTree(settings.toFile());
        assertThat(doc.path("hooks").path("Stop").toString()).contains("cc-telemetry-stop.sh");
        assertThat(doc.path("hooks").path("SessionEnd").toString()).contains("cc-telemetry-session-end.sh");
        assertThat(r.stdout()).contains("Settings: " + settings + " (updated").doesNotContain("skipped");

        CliHarness.Result gone = cli.run("uninstall", "--yes");

        assertThat(gone.exitCode()).as(gone.stderr()).isZero();
        assertThat(stop).doesNotExist();
        assertThat(Files.readString(settings)).doesNotContain("cc-telemetry-");
    }

    /** Issue 19.10: a purge after setup leaves nothing cc-telemetry created, the settings file it created included. */
    @Test
    void purgeAfterSetupRemovesEverythingSetupAndUseCreated() throws IOException {
        CliHarness cli = runningFromAJar();
        cli.oneRecordSession("33333333-3333-4333-8333-333333333333");
        assertThat(cli.run("setup", "--non-interactive", "--hooks", "--no-service").exitCode()).isZero();
        assertThat(cli.run("setup-hooks").exitCode()).isZero(); // a second edit: nothing changes, no backup
        assertThat(cli.run("sync").exitCode()).isZero();
        // What hooks and the daemon leave once they have run.
        Files.createDirectories(cli.telemetryHome.resolve("logs"));
        Files.writeString(cli.telemetryHome.resolve("logs/daemon.log"), "a pass\n");
        Files.createDirectories(cli.telemetryHome.resolve("spool"));
        Path settings = cli.userHome.resolve(".claude/settings.json");
        Path userFile = cli.userHome.resolve(".claude/CLAUDE.md");
        Files.writeString(userFile, "the user's own");
        assertThat(cli.telemetryHome.resolve("lib")).isDirectory();
        assertThat(cli.telemetryHome.resolve("telemetry.db-checkpoints")).exists();

        InputStream stdin = System.in;
        CliHarness.Result declined;
        try {
            System.setIn(new ByteArrayInputStream(new byte[0])); // no answer: declined
            declined = cli.run("uninstall", "--purge");
        } finally {
            System.setIn(stdin);
        }
        assertThat(declined.exitCode()).isEqualTo(1);
        assertThat(declined.stdout()).contains("Nothing was changed.");
        assertThat(settings).exists();

        CliHarness.Result r = cli.run("uninstall", "--purge", "-y");

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(cli.telemetryHome).as(r.stdout()).doesNotExist();
        try (var left = Files.list(cli.userHome.resolve(".claude"))) {
            assertThat(left.map(p -> p.getFileName().toString()).toList())
                    .as("the settings file setup created and its backups are gone; the user's files stay")
                    .containsExactlyInAnyOrder("CLAUDE.md", "projects");
        }
        assertThat(Files.readString(userFile)).isEqualTo("the user's own");
    }

    /** A settings file the user had is never deleted, even when it holds nothing but our hooks. */
    @Test
    void purgeKeepsASettingsFileTheUserHad() throws IOException {
        CliHarness cli = runningFromAJar();
        Path settings = cli.userHome.resolve(".claude/settings.json");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{}\n");
        assertThat(cli.run("setup", "--non-interactive", "--hooks", "--no-service", "--no-sync").exitCode()).isZero();

        CliHarness.Result r = cli.run("uninstall", "--purge", "-y");

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(settings).exists();
        assertThat(Files.readString(settings)).doesNotContain("cc-telemetry");
        assertThat(cli.telemetryHome).as(r.stdout()).doesNotExist();
    }
}
