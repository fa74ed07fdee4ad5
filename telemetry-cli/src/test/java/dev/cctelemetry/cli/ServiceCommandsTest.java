package dev.cctelemetry.cli;

import dev.cctelemetry.app.TelemetryEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** install-service, service-status and uninstall-service in-process, against temp homes and no user bus. */
@EnabledOnOs(OS.LINUX)
class ServiceCommandsTest {

    @TempDir
    Path tmp;
    Path user;
    Path home;
    Path jar;
    TelemetryEnvironment env;

    @BeforeEach
    void setUp() throws Exception {
        user = tmp.resolve("user");
        home = tmp.resolve("telemetry");
        jar = home.resolve("lib/cc-telemetry-0.1.0.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not really a jar");
        // No DBUS_SESSION_BUS_ADDRESS / XDG_RUNTIME_DIR: systemctl cannot be reached, commands are printed.
        env = new TelemetryEnvironment(Map.of("CC_TELEMETRY_HOME", home.toString(), "PATH", "/usr/bin:/bin"),
                user, tmp);
    }

    private String[] run(int expectedCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, env, Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isEqualTo(expectedCode);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void dryRunPrintsTheUnitAndCommandsAndWritesNothing() {
        String out = run(0, "install-service", "--dry-run")[0];
        Path unit = user.resolve(".config/systemd/user/cc-telemetry.service");
        assertThat(out).contains("Would write the systemd user unit " + unit)
                // A resident process runs lean: heap cap and serial GC before the jar.
                .contains("\"-XX:TieredStopAtLevel=1\" \"-XX:+UseSerialGC\" \"-Xmx128m\" \"-jar\" \"" + jar
                        + "\" \"daemon\"")
                .contains("Environment=\"CC_TELEMETRY_HOME=" + home + "\"")
                .contains("systemctl --user enable --now cc-telemetry.service");
        assertThat(unit).doesNotExist();
        assertThat(run(0, "uninstall-service", "--dry-run")[0]).contains("Would remove " + unit)
                .contains("systemctl --user disable --now cc-telemetry.service");
        assertThat(run(0, "service-status", "--dry-run")[0]).contains("systemctl --user is-active");
    }

    @Test
    void installThenStatusThenUninstallIsReversible() {
        Path unit = user.resolve(".config/systemd/user/cc-telemetry.service");
        String installed = run(0, "install-service")[0];
        assertThat(unit).exists();
        assertThat(installed).contains("Wrote the systemd user unit " + unit)
                .contains("run these to start it:").contains("  systemctl --user daemon-reload");
        assertThat(run(0, "service-status")[0]).contains("installed at " + unit).contains("Service state: unknown")
                .contains("Daemon: not running");
        assertThat(run(0, "uninstall-service")[0]).contains("Removed " + unit);
        assertThat(unit).doesNotExist();
        assertThat(run(0, "service-status")[0]).contains("not installed");
        assertThat(run(0, "uninstall-service")[0]).contains("No systemd user unit is installed");
    }

    @Test
    void intervalsParseInHumanUnitsAndRoundTrip() {
        IntervalConverter c = new IntervalConverter();
        assertThat(c.convert("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.convert("60m")).isEqualTo(Duration.ofHours(1));
        assertThat(c.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(c.convert("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(dev.cctelemetry.poller.IntervalText.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(dev.cctelemetry.poller.IntervalText.format(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(run(2, "daemon", "--interval", "500ms")[1]).contains("at least 1s");
        assertThat(run(2, "daemon", "--interval", "soon")[1]).contains("not a duration");
    }

    @Test
    void theDefaultIntervalDependsOnWhetherHooksAreInstalled() throws Exception {
        var daemon = dev.cctelemetry.app.TelemetryApp.injector(new dev.cctelemetry.app.ProcessContext(env,
                java.time.Clock.systemUTC(), dev.cctelemetry.app.platform.Platform.LINUX, Main.class))
                .getInstance(dev.cctelemetry.app.daemon.Daemon.class);
        java.util.function.Supplier<Duration> interval = () -> daemon.interval(java.util.Optional.empty(),
                java.util.List.of());
        assertThat(interval.get()).isEqualTo(Duration.ofMinutes(15));
        Files.createDirectories(home.resolve("hooks"));
        Files.writeString(home.resolve("hooks/stop.sh"), "#!/bin/sh\n"); // not one of ours
        assertThat(interval.get()).isEqualTo(Duration.ofMinutes(15));
        Files.writeString(home.resolve("hooks/cc-telemetry-stop.sh"), "#!/bin/sh\n");
        assertThat(interval.get()).as("hooks installed: the daemon is the safety net").isEqualTo(
                Duration.ofMinutes(60));
    }

    /** Issue 19.5: times to the second, and no "next pass due" in the past once the daemon has stopped. */
    @Test
    void aStoppedDaemonsLastPassIsToTheSecondAndHasNoPassDue() throws Exception {
        Files.createDirectories(home.resolve("state"));
        Files.writeString(home.resolve("state/daemon-status.json"), """
                {"time": "2026-01-02T03:04:05.123456789Z", "ok": true, "filesChecked": 1, "recordsAdded": 1,
                 "nextPassAt": "2026-01-02T04:04:05.987654321Z", "pid": 999999999}
                """);

        String out = run(0, "service-status")[0];

        assertThat(out).contains("Daemon: not running")
                .contains("Last pass: 2026-01-02T03:04:05Z ok, 1 file checked, 1 record added;"
                        + " no pass is due: the daemon is not running")
                .doesNotContain(".123").doesNotContain("next pass due");
    }
}
