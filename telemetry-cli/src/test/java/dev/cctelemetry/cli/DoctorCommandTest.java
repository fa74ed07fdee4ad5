package dev.cctelemetry.cli;

import dev.cctelemetry.app.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.core.port.out.HookStatusStore;
import dev.cctelemetry.hooks.worker.FileHookStatusStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken installations in temp homes: doctor names each problem with its fix and exits 3. */
class DoctorCommandTest {

    @TempDir
    Path tmp;

    /** The line of one check and the fix line under it. */
    private static String line(String out, String check) {
        int at = out.indexOf(check);
        assertThat(at).as(out).isGreaterThanOrEqualTo(0);
        int end = out.indexOf('\n', at);
        int fixEnd = out.indexOf('\n', end + 1);
        String next = out.substring(end + 1, fixEnd < 0 ? out.length() : fixEnd);
        return out.substring(at, end) + (next.strip().startsWith("→") ? "\n" + next : "");
    }

    @Test
    void healthyInstallationExitsZeroWithEveryCoreCheckPassing() throws Exception {
        Installation i = Installation.healthy(tmp);
        Installation.Result r = i.run("doctor");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(line(r.out(), "Hooks configured")).contains("✓ SessionEnd + Stop");
        assertThat(line(r.out(), "Hook sync active")).contains("✓ 12 minutes ago");
        assertThat(line(r.out(), "Java runtime and jar")).contains("✓ java ").contains(i.jar().toString());
        assertThat(line(r.out(), "Config ")).contains("✓");
        assertThat(line(r.out(), "Machine identity")).contains("✓").contains(Installation.HOST);
        assertThat(line(r.out(), "Ledger")).contains("✓").contains("1 records");
        assertThat(line(r.out(), "Lag")).contains("✓ none");
        assertThat(line(r.out(), "Claude Code transcripts")).contains("✓").contains("1 sessions");
        assertThat(line(r.out(), "Claude Code  ")).contains("✓ 2.1.300").contains("median 84 ms");
        // Optional features not set up warn, with the command that sets them up.
        assertThat(line(r.out(), "Daemon / service")).contains("! not running").contains("cc-telemetry install-service");
        assertThat(line(r.out(), "Remote store")).contains("! not set up").contains("cc-telemetry setup");
    }

    /** Issue 19.9: a user who chose local-only in setup gets a passing doctor, not "hooks ✗" forever. */
    @Test
    void localOnlyWithoutHooksChosenInSetupPassesWithOneHooksWarning() throws Exception {
        Installation i = new Installation(tmp);
        i.transcript();
        Installation.Result setup = i.run("setup", "--non-interactive", "--no-hooks", "--no-service");
        assertThat(setup.code()).as(setup.out() + setup.err()).isZero();

        Installation.Result r = i.run("doctor");

        assertThat(r.code()).as(r.out()).isZero();
        assertThat(line(r.out(), "Hooks configured")).contains("! not installed (declined in setup)")
                .contains("cc-telemetry setup-hooks");
        assertThat(line(r.out(), "Remote store")).contains("✓ none: local ledger only");
        assertThat(line(r.out(), "Java runtime and jar")).contains("✓");
        assertThat(line(r.out(), "Hook sync active")).contains("✓");
        assertThat(r.out()).doesNotContain("✗");

        // Without that answer recorded, missing hooks stay a problem.
        Installation other = new Installation(tmp.resolve("other"));
        other.transcript();
        assertThat(other.run("sync").code()).isZero();
        Installation.Result plain = other.run("doctor");
        assertThat(plain.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(line(plain.out(), "Hooks configured")).contains("✗");
    }

    @Test
    void checkColumnsAreAligned() throws Exception {
        Installation.Result r = Installation.healthy(tmp).run("doctor");
        int col = r.out().lines().filter(l -> l.startsWith("Ledger")).findFirst().orElseThrow().indexOf("✓");
        assertThat(r.out().lines().filter(l -> !l.isBlank() && !l.strip().startsWith("→") && !l.endsWith(".")))
                .allSatisfy(l -> assertThat(l.length()).isGreaterThan(col)
                        .satisfies(n -> assertThat("✓!✗").contains(String.valueOf(l.charAt(col)))));
    }

    @Test
    void missingHooksAreNamedWithTheInstallCommand() throws Exception {
        Installation i = Installation.healthy(tmp);
        Files.writeString(i.settingsFile(), "{\"model\": \"opus\"}\n");
        Installation.Result r = i.run("doctor");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(line(r.out(), "Hooks configured")).contains("✗ no cc-telemetry hooks in " + i.settingsFile())
                .contains("→ cc-telemetry setup-hooks");
    }

    @Test
    void oneMissingHookIsNamed() throws Exception {
        Installation i = Installation.healthy(tmp);
        String s = Files.readString(i.settingsFile());
        JsonNode n = new ObjectMapper().readTree(s);
        ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("hooks")).remove("SessionEnd");
        Files.writeString(i.settingsFile(), n.toString());
        Installation.Result r = i.run("doctor");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(line(r.out(), "Hooks configured")).contains("✗ SessionEnd hook not registered");
    }

    @Test
    void deletedScriptsAreNamed() throws Exception {
        Installation i = Installation.healthy(tmp);
        Files.delete(i.stopScript());
        Installation.Result r = i.run("doctor");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(line(r.out(), "Hooks configured")).contains("✗ Stop hook points at missing script "
                + i.stopScript()).contains("→ cc-telemetry setup-hooks");
    }

    @Test
    void nonExecutableScriptIsNamed() throws Exception {
        Installation i = Installation.healthy(tmp);
        Files.setPosixFilePermissions(i.sessionEndScript(), PosixFilePermissions.fromString("rw-------"));
        Installation.Result r = i.run("doctor");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(line(r.out(), "Hooks configured")).contains("SessionEnd script").contains("is not executable");
    }

    @Test
    void movedJarIsNamed() throws Exception {
        Installation i = Installation.healthy(tmp);
        Files.move(i.jar(), tmp.resolve("elsewhere.jar"));
        Installation.Result r = i.run("doctor");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(line(r.out(), "Java runtime and jar")).contains("✗ the hooks' jar " + i.jar() + " is missing")
                .contains("→ cc-telemetry setup-hooks");
    }

    @Test
    void vanishedJavaIsNamed() throws Exception {
        Installation i = Installation.healthy(tmp);
        Files.writeString(i.stopScript(), Files.readString(i.stopScript()).replaceAll("CCT_JAVA='[^']*'",
                "CCT_JAVA='/opt/gone/bin/java'"));
        Installation.Result r = i.run("doctor");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(line(r.out(), "Java runtime and jar")).contains("✗ the hooks' java /opt/gone/bin/java is missing");
    }

    @Test
    void worldReadableConfigWithPasswordFailsAndWithoutOneWarns() throws Exception {
        Installation i = Installation.healthy(tmp);
        Files.setPosixFilePermissions(i.layout.config(), PosixFilePermissions.fromString("rw-r--r--"));
        Installation.Result warn = i.run("doctor");
        assertThat(warn.code()).isZero();
        assertThat(line(warn.out(), "Config ")).contains("! " + i.layout.config() + " is readable by other users")
                .contains("→ chmod 600 " + i.layout.config());
        // The Private files line, after it, fixed that (issue 17.1) and said so.
        assertThat(line(warn.out(), "Private files")).contains("✓ fixed: made 1 entry owner-only (config.json)");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(i.layout.config())))
                .isEqualTo("rw-------");

        JsonNode c = new ObjectMapper().readTree(i.layout.config().toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) c).putObject("store")
                .put("url", "jdbc:postgresql://127.0.0.1:1/x").put("user", "u").put("password", "s3cret-pw");
        Files.writeString(i.layout.config(), c.toString());
        Files.setPosixFilePermissions(i.layout.config(), PosixFilePermissions.fromString("rw-r--r--"));
        Installation.Result r = i.run("doctor");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(line(r.out(), "Config ")).contains("✗").contains("holds the database password")
                .contains("chmod 600");
        assertThat(r.out()).doesNotContain("s3cret-pw");
        // Nothing listens on port 1: the store is named unreachable, without the password.
        assertThat(line(r.out(), "Remote store")).contains("✗");
    }

    @Test
    void invalidConfigJsonIsNamed() throws Exception {
        Installation i = Installation.healthy(tmp);
        Files.writeString(i.layout.config(), "{\"machine_id\": ");
        Installation.Result r = i.run("doctor");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(line(r.out(), "Config ")).contains("✗").contains("is not valid JSON");
    }

    @Test
    void corruptedLedgerIsNamedWithTheRebuildStep() throws Exception {
        Installation i = Installation.healthy(tmp);
        for (Path p : i.layout.ledgerFiles()) {
            Files.deleteIfExists(p);
        }
        Files.write(i.layout.ledger(), "this is not an SQLite database, just some text that is long enough"
                .repeat(100).getBytes(), StandardOpenOption.CREATE);
        Installation.Result r = i.run("doctor");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(line(r.out(), "Ledger")).contains("✗").contains("cc-telemetry repair");
        assertThat(line(r.out(), "Ledger").lines().count()).isEqualTo(2);
    }

    @Test
    void newerLedgerSchemaIsOneClearLineInDoctorAndInOtherCommands() throws Exception {
        Installation i = Installation.healthy(tmp);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + i.layout.ledger());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        Installation.Result r = i.run("doctor");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(line(r.out(), "Ledger")).contains("✗ ledger schema version 99 is newer than this cc-telemetry")
                .contains("→ install the newer cc-telemetry");
        Installation.Result report = i.run("report", "--no-sync");
        assertThat(report.code()).isEqualTo(ExitCode.FAILURE);
        assertThat(report.err().strip()).startsWith("cc-telemetry: ledger schema version 99").doesNotContain("\n");
        Installation.Result status = i.run("status");
        assertThat(status.err().strip()).startsWith("cc-telemetry: ledger schema version 99").doesNotContain("\n");
    }

    @Test
    void failedHookSyncShowsTheErrorAndTheLastSuccess() throws Exception {
        Installation i = Installation.healthy(tmp);
        i.hookOutcome(false, Duration.ofMinutes(3));
        Installation.Result r = i.run("doctor");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(line(r.out(), "Hook sync active"))
                .contains("✗ last hook sync failed 3 minutes ago: ledger is locked (last success 12 minutes ago)")
                .contains("hook-sync.log");
    }

    @Test
    void hookThatFiredWithoutASyncFollowingWarns() throws Exception {
        Installation i = Installation.healthy(tmp);
        i.hookOutcome(true, Duration.ofMinutes(90));
        new FileHookStatusStore(i.layout.stateDir()).recordFired(
                new HookStatusStore.Fired(i.now.minus(Duration.ofMinutes(30)), "stop", Installation.S1));
        Installation.Result r = i.run("doctor");
        assertThat(line(r.out(), "Hook sync active")).contains("! a stop hook fired 30 minutes ago but no sync followed");
    }

    @Test
    void disableAllHooksIsNamed() throws Exception {
        Installation i = Installation.healthy(tmp);
        JsonNode n = new ObjectMapper().readTree(i.settingsFile().toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("disableAllHooks", true);
        Files.writeString(i.settingsFile(), n.toString());
        Installation.Result r = i.run("doctor");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(line(r.out(), "Hooks configured")).contains("\"disableAllHooks\": true")
                .contains("→ remove \"disableAllHooks\" from " + i.settingsFile());
    }

    @Test
    void unparsableSettingsAreNamed() throws Exception {
        Installation i = Installation.healthy(tmp);
        Files.writeString(i.settingsFile(), "{ \"hooks\": {}, }\n");
        Installation.Result r = i.run("doctor");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(line(r.out(), "Hooks configured")).contains("✗ Claude Code cannot parse " + i.settingsFile());
    }

    @Test
    void configCopiedFromAnotherHostIsFlagged() throws Exception {
        Installation i = Installation.healthy(tmp);
        i.env.put("HOSTNAME", "laptop-2");
        Installation.Result r = i.run("doctor");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEM);
        assertThat(line(r.out(), "Machine identity")).contains("created on host 'test-host', this is 'laptop-2'")
                .contains("cc-telemetry setup --reset-machine-id");
    }

    @Test
    void transcriptGrownSinceLastSyncIsLag() throws Exception {
        Installation i = Installation.healthy(tmp);
        Files.writeString(i.transcriptFile(), "{\"type\":\"user\"}\n", StandardOpenOption.APPEND);
        Installation.Result r = i.run("doctor");
        assertThat(line(r.out(), "Lag")).contains("! 1 session (1 file").contains("→ cc-telemetry sync");
    }

    @Test
    void runningDaemonIsSeenThroughItsLock() throws Exception {
        Installation i = Installation.healthy(tmp);
        Files.createDirectories(i.layout.stateDir());
        Files.writeString(i.layout.daemonStatus(), "{\"last_pass_at\":\"" + i.now.minusSeconds(300) + "\",\"ok\":true}");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(i.layout.daemonLock(),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             java.nio.channels.FileLock lock = ch.lock()) {
            Installation.Result r = i.run("doctor");
            assertThat(line(r.out(), "Daemon / service")).contains("✓ running, last pass 5 minutes ago");
            assertThat(lock.isValid()).isTrue();
        }
    }

    @Test
    void jsonOutputCarriesEveryCheckAndTheExitCode() throws Exception {
        Installation i = Installation.healthy(tmp);
        Files.delete(i.sessionEndScript());
        Installation.Result r = i.run("doctor", "--json");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEM);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("exit_code").asInt()).isEqualTo(3);
        assertThat(doc.get("checks")).hasSize(14);
        JsonNode hooks = doc.get("checks").get(4);
        assertThat(hooks.get("name").asText()).isEqualTo("Hooks configured");
        assertThat(hooks.get("status").asText()).isEqualTo("fail");
        assertThat(hooks.get("fix").asText()).isEqualTo("cc-telemetry setup-hooks");
    }
}
