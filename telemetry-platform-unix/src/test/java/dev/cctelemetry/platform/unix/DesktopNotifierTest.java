package dev.cctelemetry.platform.unix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.alert.Alert;
import dev.cctelemetry.core.port.out.AlertChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop channel runs a fake {@code notify-send} (a real process, first on PATH) that records its arguments. */
class DesktopNotifierTest {

    private static final Alert ALERT = new Alert("k", "s", 80, "Budget 80 % used",
            "-$40.00 spent; `rm -rf` $(whoami) \"quoted\"", Instant.parse("2026-12-07T12:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void sendsTheTitleAndTextAsArgumentsToNotifySend() throws Exception {
        Path args = dir.resolve("args");
        fakeNotifySend("for a in \"$@\"; do printf '%s\\n' \"$a\" >> '" + args + "'; done");
        DesktopNotifier notifier = new DesktopNotifier(env(Map.of("DISPLAY", ":0")), false);

        assertThat(notifier.available()).isTrue();
        AlertChannel.Outcome outcome = notifier.send(ALERT);

        assertThat(outcome.delivered()).isTrue();
        assertThat(Files.readAllLines(args)).containsExactly("--app-name=cc-telemetry", "--", "Budget 80 % used",
                "-$40.00 spent; `rm -rf` $(whoami) \"quoted\"");
    }

    @Test
    void markupInTheTextReachesNotifySendEscapedSoNoServerDrawsIt() throws Exception {
        Path args = dir.resolve("args");
        fakeNotifySend("for a in \"$@\"; do printf '%s\\n' \"$a\" >> '" + args + "'; done");
        Alert markup = new Alert("k", "s", 80, "Budget <b>80</b> % used",
                "$40.00 on <a href=\"https://evil.example\">p</a> & <img src=\"/etc/x\"/> &amp;",
                Instant.parse("2026-12-07T12:00:00Z"));

        assertThat(new DesktopNotifier(env(Map.of("DISPLAY", ":0")), false).send(markup).delivered()).isTrue();

        // The body is markup to most notification servers: escaped, it shows as written. The summary is plain text
        // by the specification, so it goes unchanged.
        assertThat(Files.readAllLines(args)).containsExactly("--app-name=cc-telemetry", "--",
                "Budget <b>80</b> % used",
                "$40.00 on &lt;a href=\"https://evil.example\"&gt;p&lt;/a&gt; &amp; &lt;img src=\"/etc/x\"/&gt; &amp;amp;");
        // osascript shows text as it is: nothing escaped there.
        assertThat(new DesktopNotifier(Map.of(), true).command("T", "<b>x</b> &")).endsWith("T", "<b>x</b> &");
    }

    @Test
    void withoutADesktopSessionItIsUnavailableAndRunsNothing() throws Exception {
        Path ran = dir.resolve("ran");
        fakeNotifySend("touch '" + ran + "'");
        DesktopNotifier notifier = new DesktopNotifier(env(Map.of()), false);

        assertThat(notifier.available()).isFalse();
        assertThat(notifier.send(ALERT).error()).isEqualTo("no desktop session");
        assertThat(ran).doesNotExist();
        assertThat(new DesktopNotifier(env(Map.of("WAYLAND_DISPLAY", "wayland-0")), false).available()).isTrue();
        assertThat(new DesktopNotifier(env(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1/bus")), false)
                .available()).isTrue();
    }

    @Test
    void aSessionWithoutNotifySendIsUnavailable() {
        assertThat(new DesktopNotifier(Map.of("DISPLAY", ":0", "PATH", dir.toString()), false).available())
                .isFalse();
    }

    @Test
    void aFailingNotifierIsAFailureWithWhatItSaid() throws Exception {
        fakeNotifySend("echo 'GDBus.Error: no notification server' >&2; exit 1");
        AlertChannel.Outcome outcome = new DesktopNotifier(env(Map.of("DISPLAY", ":0")), false).send(ALERT);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).isEqualTo("notify-send exited 1: GDBus.Error: no notification server");
    }

    @Test
    void aHangingNotifierIsStoppedAfterTheTimeout() throws Exception {
        fakeNotifySend("exec sleep 30");
        long t0 = System.nanoTime();
        AlertChannel.Outcome outcome = new DesktopNotifier(env(Map.of("DISPLAY", ":0")), false).send(ALERT);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(outcome.error()).isEqualTo("notify-send did not finish within 3 s");
        assertThat(took).isLessThan(DesktopNotifier.TIMEOUT.plusSeconds(3));
    }

    @Test
    void onMacOsTheTextIsHandedToOsascriptAsArgumentsNotSource() {
        List<String> args = new DesktopNotifier(Map.of(), true).command("T \" & quit", "M");
        assertThat(args).containsExactly("-e", "on run argv", "-e",
                "display notification (item 2 of argv) with title (item 1 of argv)", "-e", "end run",
                "T \" & quit", "M");
    }

    private void fakeNotifySend(String body) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("notify-send");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    /** PATH: the fake first, then the system's (sh's own tools). */
    private Map<String, String> env(Map<String, String> session) {
        java.util.HashMap<String, String> env = new java.util.HashMap<>(session);
        env.put("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
        return env;
    }
}
