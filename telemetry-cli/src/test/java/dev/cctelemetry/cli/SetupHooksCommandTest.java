package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupHooksCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTHER_HOOKS = """
            {
              "model": "opus",
              "hooks": {
                "Stop": [ { "hooks": [ { "type": "command", "command": "notify-send done" } ] } ],
                "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "audit.sh" } ] } ]
              }
            }
            """;

    @TempDir
    Path tmp;
    CliHarness cli;
    Path settings;
    Path jar;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(tmp);
        jar = tmp.resolve("build").resolve("cc-telemetry.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, "not really a jar, but bytes to copy".getBytes(StandardCharsets.UTF_8));
        cli.runningJar = Optional.of(jar);
        settings = cli.userHome.resolve(".claude").resolve("settings.json");
    }

    @Test
    void setupInstallsJarScriptsAndSettingsAndASecondRunChangesNothing() throws IOException {
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, OTHER_HOOKS);

        CliHarness.Result first = cli.run("setup-hooks");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        List<Path> jars = list(cli.telemetryHome.resolve("lib"));
        assertThat(jars).hasSize(1);
        assertThat(jars.get(0).getFileName().toString()).matches("cc-telemetry-dev-[0-9a-f]{12}\\.jar");
        assertThat(Files.readAllBytes(jars.get(0))).isEqualTo(Files.readAllBytes(jar));
        Path hooks = cli.telemetryHome.resolve("hooks");
        assertThat(perms(hooks)).isEqualTo("rwx------");
        Path stop = hooks.resolve("cc-telemetry-stop.sh");
        Path end = hooks.resolve("cc-telemetry-session-end.sh");
        assertThat(perms(stop)).isEqualTo("rwx------");
        assertThat(perms(end)).isEqualTo("rwx------");
        String script = Files.readString(stop);
        assertThat(script).contains(jars.get(0).toString()).contains("CCT_EVENT=stop")
                .contains(Path.of(System.getProperty("java.home")).toString());
        JsonNode doc = JSON.readTree(settings.toFile());
        assertThat(doc.path("model").asText()).isEqualTo("opus");
        assertThat(doc.path("hooks").path("PreToolUse").toString()).contains("audit.sh");
        assertThat(doc.path("hooks").path("Stop").toString()).contains("notify-send done")
                .contains("cc-telemetry-stop.sh");
        JsonNode endHandler = doc.path("hooks").path("SessionEnd").get(0).path("hooks").get(0);
        assertThat(endHandler.path("command").asText()).contains(end.toString());
        assertThat(endHandler.path("timeout").asInt()).isEqualTo(10);
        assertThat(first.stdout()).contains("backup: ").contains("Restart running Claude Code sessions");
        byte[] afterFirst = Files.readAllBytes(settings);
        long stopModified = Files.getLastModifiedTime(stop).toMillis();

        CliHarness.Result second = cli.run("setup-hooks");

        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).contains("already up to date").contains("already installed")
                .doesNotContain("backup: ");
        assertThat(Files.readAllBytes(settings)).isEqualTo(afterFirst);
        assertThat(backups()).hasSize(1);
        assertThat(list(cli.telemetryHome.resolve("lib"))).hasSize(1);
        assertThat(Files.getLastModifiedTime(stop).toMillis()).isEqualTo(stopModified);
    }

    @Test
    void dryRunPrintsTheDiffAndWritesNothing() throws IOException {
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, OTHER_HOOKS);

        CliHarness.Result r = cli.run("setup-hooks", "--dry-run");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Dry run").contains("would install").contains("+").contains("cc-telemetry-stop.sh");
        assertThat(Files.readString(settings)).isEqualTo(OTHER_HOOKS);
        assertThat(cli.telemetryHome).doesNotExist();
        assertThat(backups()).isEmpty();
    }

    @Test
    void malformedSettingsAreRefusedInOneLineAndNothingIsWritten() throws IOException {
        Files.createDirectories(settings.getParent());
        String withComment = "{\n  // my settings\n  \"model\": \"opus\",\n}\n";
        Files.writeString(settings, withComment);

        CliHarness.Result r = cli.run("setup-hooks");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr().strip().lines()).hasSize(1).first().asString().contains(settings.toString());
        assertThat(Files.readString(settings)).isEqualTo(withComment);
        assertThat(cli.telemetryHome).doesNotExist();
    }

    @Test
    void refusesClearlyWhenNotRunFromAJar() {
        cli.runningJar = Optional.empty();

        CliHarness.Result r = cli.run("setup-hooks");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("must run from the cc-telemetry jar").doesNotContain("\tat ");
        assertThat(settings).doesNotExist();
    }

    @Test
    void warnsWhenClaudeCodeWillNotRunHooks() throws IOException {
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{\"disableAllHooks\": true}");

        CliHarness.Result r = cli.run("setup-hooks");

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("Warning:").contains("disableAllHooks");
    }

    @Test
    void localScopeWritesTheProjectsLocalSettingsAndClaudeConfigDirMovesTheUserOne() throws IOException {
        CliHarness.Result local = cli.run("setup-hooks", "--scope", "local");
        assertThat(local.exitCode()).as(local.stderr()).isZero();
        assertThat(cli.workDir.resolve(".claude/settings.local.json")).exists();
        assertThat(settings).doesNotExist();

        CliHarness.Result bad = cli.run("setup-hooks", "--scope", "project");
        assertThat(bad.exitCode()).isEqualTo(2);
    }

    @Test
    void removeHooksRemovesOnlyOursAndItsScripts() throws IOException {
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, OTHER_HOOKS);
        cli.run("setup-hooks");

        CliHarness.Result dry = cli.run("remove-hooks", "--dry-run");
        assertThat(dry.stdout()).contains("would delete").contains("-");
        assertThat(cli.telemetryHome.resolve("hooks/cc-telemetry-stop.sh")).exists();

        CliHarness.Result r = cli.run("remove-hooks");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode doc = JSON.readTree(settings.toFile());
        assertThat(doc).isEqualTo(JSON.readTree(OTHER_HOOKS));
        assertThat(cli.telemetryHome.resolve("hooks")).doesNotExist();
        assertThat(list(cli.telemetryHome.resolve("lib"))).hasSize(1);
        CliHarness.Result again = cli.run("remove-hooks");
        assertThat(again.exitCode()).isZero();
        assertThat(again.stdout()).contains("already up to date");
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> s = Files.list(settings.getParent())) {
            return s.filter(p -> p.getFileName().toString().contains("cc-telemetry-backup")).toList();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
