package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup wizard in a real terminal (a tmux pane running the shaded jar): a wrong answer is asked again, and
 * the password typed is never echoed.
 */
class SetupWizardTmuxIT {

    @TempDir
    Path tmp;
    private final String socket = "cct-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private boolean started;

    @AfterEach
    void stopTmux() throws Exception {
        if (started) {
            tmux("kill-server");
        }
    }

    @Test
    void wizardInATerminalReasksAndHidesThePassword() throws Exception {
        dev.cctelemetry.testing.RequiredInCi.assumeAvailable(Files.isExecutable(Path.of("/usr/bin/tmux")),
                "tmux not installed (apt-get install tmux)");
        Path user = Files.createDirectories(tmp.resolve("user"));
        Path home = tmp.resolve("telemetry");
        Path claude = Files.createDirectories(tmp.resolve("claude/projects"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = "env HOME='" + user + "' CC_TELEMETRY_HOME='" + home + "' CLAUDE_CONFIG_DIR='"
                + claude.getParent() + "' HOSTNAME=tty-host '" + java + "' -Duser.home='" + user + "' -jar '"
                + JarProcess.jar().toAbsolutePath() + "' setup --no-sync; echo WIZARD-EXIT=$?; sleep 60";
        tmux("new-session", "-d", "-s", "w", "-x", "220", "-y", "60", cmd);
        started = true;
        await("Machine name [tty-host]");
        keys("box-tty");
        await("PostgreSQL URL");
        keys("nonsense");
        await("Please try again");
        keys("jdbc:postgresql://127.0.0.1:1/usage");
        await("Database user");
        keys("alice");
        await("Password (hidden");
        keys("hunter2-secret");
        await("could not use the store");
        keys("local");
        await("Install the Claude Code hooks");
        keys("y");
        await("Install the background service");
        keys("n");
        String screen = await("WIZARD-EXIT=0");
        assertThat(screen).doesNotContain("hunter2-secret").contains("Hooks configured");
        assertThat(Files.readString(home.resolve("config.json"))).contains("box-tty").doesNotContain("hunter2");
    }

    private void keys(String text) throws Exception {
        tmux("send-keys", "-t", "w", "-l", text);
        tmux("send-keys", "-t", "w", "Enter");
    }

    /** Polls the pane until it shows {@code text} (a readiness wait, not a timing assertion). */
    private String await(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", "w");
            if (screen.contains(text)) {
                return screen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("pane never showed '" + text + "':\n" + screen);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
        return new String(out, StandardCharsets.UTF_8);
    }
}
