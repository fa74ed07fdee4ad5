package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

    @Test
    void nonInteractiveSetupWithHooksWritesTheScriptsAndRegistersThem() throws IOException {
        CliHarness cli = new CliHarness(tmp);
        Path jar = tmp.resolve("build").resolve("cc-telemetry.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, "jar bytes".getBytes(StandardCharsets.UTF_8));
        cli.runningJar = Optional.of(jar); // tests run from classes; the harness stands in the jar

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
}
