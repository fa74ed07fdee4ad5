package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code setup-hooks --statusline} and {@code remove-hooks}: a user's statusLine is never replaced silently. */
class SetupStatuslineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THEIRS = "{\n  \"model\": \"opus\",\n  \"statusLine\": {\"type\": \"command\","
            + " \"command\": \"~/bin/my-line --short\", \"padding\": 2}\n}\n";

    @TempDir
    Path tmp;
    CliHarness cli;
    Path settings;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(tmp);
        Path jar = tmp.resolve("build").resolve("cc-telemetry.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, "bytes to copy".getBytes(StandardCharsets.UTF_8));
        cli.runningJar = Optional.of(jar);
        settings = cli.userHome.resolve(".claude").resolve("settings.json");
        Files.createDirectories(settings.getParent());
    }

    private JsonNode statusLine() throws IOException {
        return JSON.readTree(settings.toFile()).path("statusLine");
    }

    @Test
    void withoutAStatuslineOursIsSetAndRemoveHooksTakesItAway() throws IOException {
        Files.writeString(settings, "{\"model\": \"opus\"}\n");
        CliHarness.Result r = cli.run("setup-hooks", "--statusline");
        assertThat(r.exitCode()).as(r.stderr()).isZero();

        Path script = cli.telemetryHome.resolve("hooks/cc-telemetry-statusline.sh");
        assertThat(statusLine().path("command").asText()).isEqualTo("'" + script + "'");
        assertThat(statusLine().path("type").asText()).isEqualTo("command");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script))).isEqualTo("rwx------");
        assertThat(Files.readString(script)).contains("dev.cctelemetry.cli.Main statusline 2>/dev/null")
                .contains("CC_TELEMETRY_HOME='" + cli.telemetryHome + "'").endsWith("exit 0\n");
        assertThat(JSON.readTree(settings.toFile()).path("hooks").toString()).contains("cc-telemetry-stop.sh");

        // Again: nothing changes.
        byte[] before = Files.readAllBytes(settings);
        assertThat(cli.run("setup-hooks", "--statusline").exitCode()).isZero();
        assertThat(Files.readAllBytes(settings)).isEqualTo(before);

        assertThat(cli.run("remove-hooks").exitCode()).isZero();
        assertThat(statusLine().isMissingNode()).isTrue();
        assertThat(script).doesNotExist();
        assertThat(JSON.readTree(settings.toFile()).path("model").asText()).isEqualTo("opus");
    }

    @Test
    void theirsIsNeverReplacedWithoutAChoice() throws IOException {
        Files.writeString(settings, THEIRS);
        CliHarness.Result r = cli.run("setup-hooks", "--statusline");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("~/bin/my-line --short").contains("--existing-statusline chain")
                .contains("--existing-statusline leave");
        assertThat(Files.readString(settings)).isEqualTo(THEIRS); // not even the hooks were added

        CliHarness.Result leave = cli.run("setup-hooks", "--statusline", "--existing-statusline", "leave");
        assertThat(leave.exitCode()).as(leave.stderr()).isZero();
        assertThat(leave.stdout()).contains("yours stays as it is");
        assertThat(statusLine().path("command").asText()).isEqualTo("~/bin/my-line --short");
    }

    @Test
    void chainingKeepsTheirsToRunFirstAndRemoveHooksPutsItBackAsItWas() throws IOException {
        Files.writeString(settings, THEIRS);
        JsonNode theirs = statusLine();
        CliHarness.Result r = cli.run("setup-hooks", "--statusline", "--existing-statusline", "chain");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("yours runs first");
        assertThat(statusLine().path("command").asText()).contains("cc-telemetry-statusline.sh");
        assertThat(Files.readString(cli.telemetryHome.resolve("state/statusline-chain")))
                .isEqualTo("~/bin/my-line --short");

        CliHarness.Result removed = cli.run("remove-hooks");
        assertThat(removed.exitCode()).as(removed.stderr()).isZero();
        assertThat(statusLine()).isEqualTo(theirs);
        assertThat(cli.telemetryHome.resolve("state/statusline-chain")).doesNotExist();
        assertThat(cli.telemetryHome.resolve("state/statusline-previous.json")).doesNotExist();
    }

    @Test
    void aStatuslineTheUserChangedSinceIsLeftAloneOnRemoval() throws IOException {
        Files.writeString(settings, THEIRS);
        assertThat(cli.run("setup-hooks", "--statusline", "--existing-statusline", "chain").exitCode()).isZero();
        String changed = Files.readString(settings).replaceAll("\"command\" *: *\"'[^\"]*statusline.sh'\"",
                "\"command\": \"their-new-line\"");
        Files.writeString(settings, changed);

        assertThat(cli.run("remove-hooks").exitCode()).isZero();
        assertThat(statusLine().path("command").asText()).isEqualTo("their-new-line");
    }

    @Test
    void aBadChoiceIsAUsageError() {
        CliHarness.Result r = cli.run("setup-hooks", "--statusline", "--existing-statusline", "maybe");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo("cc-telemetry: --existing-statusline 'maybe': use chain or leave\n");
    }
}
