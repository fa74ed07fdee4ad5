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

/**
 * {@code setup --hooks} runs the same installation as {@code setup-hooks}, its status line and MCP steps the same
 * as {@code setup-hooks --statusline} and {@code --mcp}; {@code uninstall} undoes all of it.
 */
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THEIR_STATUSLINE = "{\"type\":\"command\",\"command\":\"~/bin/my-line --short\"}";
    private static final String OTHER_SERVER = "{\"type\":\"stdio\",\"command\":\"other-mcp\",\"args\":[]}";

    private static CliHarness.Result withInput(CliHarness cli, String input, String... args) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return cli.run(args);
        } finally {
            System.setIn(stdin);
        }
    }

    private static Path settings(CliHarness cli) {
        return cli.userHome.resolve(".claude").resolve("settings.json");
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** A user who has a statusLine of their own and another MCP server, before setup. */
    private static void theirStatuslineAndServer(CliHarness cli) throws IOException {
        Files.createDirectories(settings(cli).getParent());
        Files.writeString(settings(cli), "{\"model\": \"opus\", \"statusLine\": " + THEIR_STATUSLINE + "}\n");
        Files.writeString(cli.userHome.resolve(".claude.json"), "{\"mcpServers\": {\"other\": " + OTHER_SERVER
                + "}, \"numStartups\": 3}\n");
    }

    private static String summary(CliHarness.Result r) {
        return r.stdout().substring(r.stdout().lastIndexOf("What setup set:"));
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
        // By default the status line is set too (nothing of the user's was there), the MCP server is not.
        Path statusline = cli.telemetryHome.resolve("hooks").resolve("cc-telemetry-statusline.sh");
        assertThat(doc.path("statusLine").path("command").asText()).isEqualTo("'" + statusline + "'");
        assertThat(statusline).exists();
        assertThat(cli.userHome.resolve(".claude.json")).doesNotExist();
        assertThat(summary(r)).contains("  Hooks        installed: a sync when a Claude Code session stops or ends\n")
                .contains("  Status line  cc-telemetry's (cost, plan limits)\n")
                .contains("  MCP server   not registered (cc-telemetry setup-hooks --mcp registers it)\n");

        CliHarness.Result gone = cli.run("uninstall", "--yes");

        assertThat(gone.exitCode()).as(gone.stderr()).isZero();
        assertThat(gone.stdout()).contains("cc-telemetry's status line").doesNotContain("MCP server registration");
        assertThat(stop).doesNotExist();
        assertThat(statusline).doesNotExist();
        assertThat(Files.readString(settings)).doesNotContain("cc-telemetry-");
        assertThat(read(settings).has("statusLine")).isFalse();
    }

    /**
     * The wizard's status line and MCP steps over a user's own statusLine and MCP server: theirs is kept (chained,
     * the default once they said yes), ours registered beside theirs, the summary says so, and uninstall puts every
     * file back as it was.
     */
    @Test
    void wizardChainsTheirStatuslineRegistersTheMcpServerAndUninstallPutsBothBack() throws IOException {
        CliHarness cli = runningFromAJar();
        theirStatuslineAndServer(cli);
        JsonNode theirLine = read(settings(cli)).path("statusLine");
        String input = String.join("\n",
                "box-w",   // machine name
                "local",   // store
                "",        // hooks: yes
                "",        // status line: yes
                "replace", // not chain or leave: asked again
                "",        // chain (the default)
                "y",       // MCP server
                "") + "\n"; // service: no

        CliHarness.Result r = withInput(cli, input, "setup", "--no-sync");

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).contains("Claude Code already shows a status line of yours: ~/bin/my-line --short")
                .contains("'replace' is not chain or leave. Please try again");
        JsonNode doc = read(settings(cli));
        assertThat(doc.path("statusLine").path("command").asText()).endsWith("cc-telemetry-statusline.sh'");
        assertThat(doc.path("model").asText()).isEqualTo("opus");
        assertThat(Files.readString(cli.telemetryHome.resolve("state/statusline-chain")))
                .isEqualTo("~/bin/my-line --short");
        JsonNode state = read(cli.userHome.resolve(".claude.json"));
        assertThat(state.path("mcpServers").path("other")).isEqualTo(JSON.readTree(OTHER_SERVER));
        assertThat(state.path("mcpServers").path("cc-telemetry").path("args").toString()).contains("\"mcp\"");
        assertThat(summary(r)).contains("  Status line  cc-telemetry's (cost, plan limits), shown after yours\n")
                .contains("  MCP server   registered for Claude Code in " + cli.userHome.resolve(".claude.json"));

        CliHarness.Result gone = cli.run("uninstall", "--yes");

        assertThat(gone.exitCode()).as(gone.stdout() + gone.stderr()).isZero();
        assertThat(gone.stdout()).contains("  cc-telemetry's status line (a statusLine of yours that it ran first is"
                + " put back)\n").contains("  cc-telemetry's MCP server registration (other servers stay)\n");
        JsonNode after = read(settings(cli));
        assertThat(after.path("statusLine")).isEqualTo(theirLine);
        assertThat(after.has("hooks") && after.path("hooks").toString().contains("cc-telemetry")).isFalse();
        JsonNode stateAfter = read(cli.userHome.resolve(".claude.json"));
        assertThat(stateAfter.path("mcpServers").has("cc-telemetry")).isFalse();
        assertThat(stateAfter.path("mcpServers").path("other")).isEqualTo(JSON.readTree(OTHER_SERVER));
        assertThat(stateAfter.path("numStartups").asInt()).isEqualTo(3);
        assertThat(cli.telemetryHome.resolve("state/statusline-chain")).doesNotExist();
    }

    /**
     * On Windows the wizard offers the status line too: it writes the PowerShell script (UTF-8 with a BOM, calling
     * the installed jar), registers it through powershell.exe without hiding a window, keeps the user's statusLine
     * to run first, and {@code uninstall} puts theirs back and deletes the script.
     */
    @Test
    void onWindowsTheWizardSetsThePowerShellStatuslineOverTheirsAndUninstallPutsTheirsBack() throws IOException {
        CliHarness cli = runningFromAJar();
        cli.platform = dev.cctelemetry.app.platform.Platform.WINDOWS;
        theirStatuslineAndServer(cli);
        JsonNode theirLine = read(settings(cli)).path("statusLine");
        // name, store, hooks, status line (default yes), chain or leave (default chain), MCP, service
        String input = String.join("\n", "box-win", "local", "n", "", "", "", "") + "\n";

        CliHarness.Result r = withInput(cli, input, "setup", "--no-sync");

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).contains("status line [Y/n]")
                .contains("Claude Code already shows a status line of yours: ~/bin/my-line --short");
        Path script = cli.telemetryHome.resolve("hooks").resolve("cc-telemetry-statusline.ps1");
        byte[] bytes = Files.readAllBytes(script);
        assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00ef\u00bb\u00bf");
        try (var libs = Files.list(cli.telemetryHome.resolve("lib"))) {
            Path installed = libs.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow();
            assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("$CctJar = '" + installed + "'\n")
                    .contains("'dev.cctelemetry.cli.Main', 'statusline')");
        }
        assertThat(read(settings(cli)).path("statusLine").path("command").asText()).isEqualTo(
                "powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File \"" + script + "\"");
        assertThat(cli.telemetryHome.resolve("state/statusline-chain")).content(StandardCharsets.UTF_8)
                .isEqualTo("~/bin/my-line --short");
        assertThat(summary(r)).contains("  Status line  cc-telemetry's (cost, plan limits), shown after yours\n")
                .doesNotContain("not available");
        assertThat(cli.telemetryHome.resolve("hooks").resolve("cc-telemetry-statusline.sh")).doesNotExist();

        CliHarness.Result gone = cli.run("uninstall", "--yes");

        assertThat(gone.exitCode()).as(gone.stdout() + gone.stderr()).isZero();
        assertThat(read(settings(cli)).path("statusLine")).isEqualTo(theirLine);
        assertThat(script).doesNotExist();
        assertThat(cli.telemetryHome.resolve("state/statusline-chain")).doesNotExist();
    }

    /**
     * Without a choice a user's statusLine is never replaced: by default setup leaves it and says so; asked for
     * explicitly, setup refuses before writing anything, as {@code setup-hooks --statusline} does.
     */
    @Test
    void nonInteractiveSetupNeverReplacesTheirStatuslineWithoutAChoice() throws IOException {
        CliHarness cli = runningFromAJar();
        theirStatuslineAndServer(cli);
        String before = Files.readString(settings(cli));

        CliHarness.Result refused = cli.run("setup", "--non-interactive", "--statusline", "--no-sync");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).contains("~/bin/my-line --short").contains("--existing-statusline chain")
                .contains("--existing-statusline leave");
        assertThat(Files.readString(settings(cli))).isEqualTo(before);
        assertThat(cli.telemetryHome.resolve("config.json")).doesNotExist();
        CliHarness.Result alone = cli.run("setup", "--non-interactive", "--no-statusline", "--existing-statusline",
                "chain", "--no-sync");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.stderr()).isEqualTo("cc-telemetry: --existing-statusline goes with --statusline\n");

        CliHarness.Result left = cli.run("setup", "--non-interactive", "--no-sync");

        assertThat(left.exitCode()).as(left.stdout() + left.stderr()).isZero();
        assertThat(read(settings(cli)).path("statusLine")).isEqualTo(JSON.readTree(THEIR_STATUSLINE));
        assertThat(left.stdout()).contains("yours stays as it is");
        assertThat(summary(left)).contains("  Status line  yours, left as it was; cc-telemetry's is not set\n");

        CliHarness.Result chained = cli.run("setup", "--non-interactive", "--existing-statusline", "chain", "--mcp",
                "--no-sync");

        assertThat(chained.exitCode()).as(chained.stdout() + chained.stderr()).isZero();
        assertThat(read(settings(cli)).path("statusLine").path("command").asText())
                .endsWith("cc-telemetry-statusline.sh'");
        assertThat(read(cli.userHome.resolve(".claude.json")).path("mcpServers").has("cc-telemetry")).isTrue();

        // A re-run that answers no to all three leaves what is there and says so.
        String settingsBefore = Files.readString(settings(cli));
        CliHarness.Result rerun = cli.run("setup", "--non-interactive", "--no-hooks", "--no-statusline", "--no-mcp",
                "--no-sync");
        assertThat(rerun.exitCode()).as(rerun.stdout() + rerun.stderr()).isZero();
        assertThat(Files.readString(settings(cli))).isEqualTo(settingsBefore);
        assertThat(summary(rerun))
                .contains("  Hooks        left as they were: installed (cc-telemetry remove-hooks removes them)\n")
                .contains("  Status line  left as it was: cc-telemetry's (cc-telemetry remove-hooks removes it)\n")
                .contains("  MCP server   left as it was: registered (cc-telemetry remove-hooks --mcp removes it)\n");
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
