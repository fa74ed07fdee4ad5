package dev.cctelemetry.cli;

import dev.cctelemetry.app.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The setup wizard driven through piped input, its non-interactive flags, status and uninstall. */
class SetupCommandTest {

    @TempDir
    Path tmp;

    private JsonNode config(Installation i) throws Exception {
        return new ObjectMapper().readTree(i.layout.config().toFile());
    }

    @Test
    void wizardAsksWrongAnswersAgainAndSavesTheRightOnes() throws Exception {
        Installation i = new Installation(tmp);
        i.transcript();
        String input = String.join("\n",
                "",                                         // machine name: keep the host name
                "mysql://db.example/x",                     // not a store: asked again
                "jdbc:postgresql://127.0.0.1:1/usage",      // nothing listens: tested, refused, asked again
                "alice",
                "s3cret-pw",
                "local",
                "maybe",                                    // not yes/no: asked again
                "y",
                "",                                         // status line: yes (the default)
                "",                                         // MCP server: no (the default)
                "") + "\n";                                 // service: no (the default)
        Installation.Result r = i.runWithInput(input, "setup");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Machine name [" + Installation.HOST + "]")
                .contains("expected 'local' or a URL like jdbc:postgresql://host:5432/database. Please try again")
                .contains("could not use the store").contains("Please try again (or answer 'local')")
                .contains("'maybe' is not yes or no. Please try again");
        assertThat(r.out()).doesNotContain("s3cret-pw");
        assertThat(r.out().split("Install the Claude Code hooks", -1)).hasSize(3);
        assertThat(r.out()).contains("Show cost and plan limits in Claude Code's status line [Y/n]")
                .contains("Let Claude Code ask about its usage (MCP server) [y/N]")
                .doesNotContain("a status line of yours");
        JsonNode c = config(i);
        assertThat(c.get("machine_name").asText()).isEqualTo(Installation.HOST);
        assertThat(c.get("machine_host").asText()).isEqualTo(Installation.HOST);
        assertThat(c.has("store")).isFalse();
        assertThat(Files.getPosixFilePermissions(i.layout.config()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // Run from classes, the hooks step refuses clearly (the hooks call the installed jar); the first sync ran;
        // doctor's summary ends the wizard.
        assertThat(r.out()).contains("Install the hooks: skipped, the hooks need setup to run from the cc-telemetry jar")
                .doesNotContain("Wrote the")
                .contains("Synced 1 file ").contains("Hooks configured").contains("problem");
        // Last, what was set: each step's line, the ones that need the jar saying so.
        String summary = r.out().substring(r.out().lastIndexOf("What setup set:"));
        assertThat(summary.lines().toList()).containsExactly("What setup set:",
                "  Config       machine " + Installation.HOST + ", local ledger only",
                "  Hooks        skipped: setup did not run from the cc-telemetry jar",
                "  Status line  skipped: setup did not run from the cc-telemetry jar",
                "  MCP server   not registered (cc-telemetry setup-hooks --mcp registers it)",
                "  Service      not installed (cc-telemetry install-service installs it)");
    }

    @Test
    void inputEndingEarlyStopsWithAUsageError() throws Exception {
        Installation i = new Installation(tmp);
        Installation.Result r = i.runWithInput("box-1\n", "setup");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("input ended before setup finished");
        assertThat(Files.exists(i.layout.config())).isFalse();
    }

    @Test
    void nonInteractiveRerunKeepsTheMachineIdAndResetMakesANewOne() throws Exception {
        Installation i = new Installation(tmp);
        Installation.Result first = i.run("setup", "--non-interactive", "--machine-name", "box-1", "--no-hooks",
                "--no-sync");
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        String id = config(i).get("machine_id").asText();
        Installation.Result again = i.run("setup", "--non-interactive", "--machine-name", "box-2", "--no-sync");
        assertThat(again.code()).isZero();
        assertThat(config(i).get("machine_id").asText()).isEqualTo(id);
        assertThat(config(i).get("machine_name").asText()).isEqualTo("box-2");
        i.run("setup", "--non-interactive", "--reset-machine-id", "--no-sync");
        assertThat(config(i).get("machine_id").asText()).isNotEqualTo(id);
    }

    @Test
    void nonInteractiveUnreachableStoreSavesNothing() throws Exception {
        Installation i = new Installation(tmp);
        Installation.Result r = i.runWithInput("topsecret\n", "setup", "--non-interactive", "--store",
                "jdbc:postgresql://127.0.0.1:1/usage", "--store-user", "bob", "--store-password-stdin", "--no-sync");
        assertThat(r.code()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err()).contains("could not use the store").contains("nothing was saved")
                .doesNotContain("topsecret");
        assertThat(Files.exists(i.layout.config())).isFalse();
        Installation.Result bad = i.run("setup", "--non-interactive", "--store", "ftp://x", "--no-sync");
        assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void statusMasksSecretsAndShowsEachTrigger() throws Exception {
        Installation i = Installation.healthy(tmp);
        JsonNode c = config(i);
        ((com.fasterxml.jackson.databind.node.ObjectNode) c).putObject("store")
                .put("url", "jdbc:postgresql://db.example/usage?password=inurl").put("user", "u")
                .put("password_env", "PGPASS_CCT");
        Files.writeString(i.layout.config(), c.toString());
        Installation.Result r = i.run("status");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("password **** (from $PGPASS_CCT)").contains("password=****")
                .doesNotContain("inurl");
        assertThat(r.out()).contains("Last hook sync     12 minutes ago (session-end) ok")
                .contains("Last manual sync   just now ok (1 new record)")
                .contains("Last daemon pass   never").contains("1 records");
    }

    @Test
    void uninstallPurgeSaysWhatIsLostAndRemovesEverything() throws Exception {
        Installation i = Installation.healthy(tmp);
        Installation.Result declined = i.runWithInput("n\n", "uninstall", "--purge");
        assertThat(declined.code()).as("declined: nothing done, not a success (issue 19.10)").isEqualTo(1);
        assertThat(declined.out()).contains("1 record will be lost").contains("cc-telemetry export")
                .contains("Nothing was changed");
        assertThat(Files.exists(i.layout.ledger())).isTrue();

        Installation.Result r = i.run("uninstall", "--purge", "--yes");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(i.settingsFile())).doesNotContain("cc-telemetry-");
        assertThat(i.stopScript()).doesNotExist();
        assertThat(i.sessionEndScript()).doesNotExist();
        assertThat(i.layout.ledger()).doesNotExist();
        assertThat(i.layout.config()).doesNotExist();
        assertThat(r.out()).doesNotContain("not available").doesNotContain("Removed " + i.layout.home());
        Installation.Result doctor = i.run("doctor");
        assertThat(doctor.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(doctor.out()).contains("no cc-telemetry hooks in " + i.settingsFile());
    }

    @Test
    void uninstallWithoutPurgeKeepsTheData() throws Exception {
        Installation i = Installation.healthy(tmp);
        Installation.Result r = i.run("uninstall", "--yes");
        assertThat(r.code()).isZero();
        assertThat(i.stopScript()).doesNotExist();
        assertThat(i.layout.ledger()).exists();
        assertThat(i.layout.config()).exists();
    }
}
