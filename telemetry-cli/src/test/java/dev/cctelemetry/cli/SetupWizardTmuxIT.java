package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.testing.ClaudeCodeCli;
import dev.cctelemetry.testing.ClaudeResult;
import dev.cctelemetry.testing.ClaudeRun;
import dev.cctelemetry.testing.FakeMessagesApi;
import dev.cctelemetry.testing.RequiredInCi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup wizard in a real terminal (a tmux pane running the shaded jar): a wrong answer is asked again, the
 * password typed is never echoed, the status line and MCP steps set what they say, and the MCP server the wizard
 * registered is one the real Claude Code CLI starts and shows connected ({@code claude mcp list}).
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
        RequiredInCi.assumeAvailable(Files.isExecutable(Path.of("/usr/bin/tmux")),
                "tmux not installed (apt-get install tmux)");
        ClaudeCodeCli claudeCode = ClaudeCodeCli.locate();
        RequiredInCi.assumeAvailable(claudeCode.isAvailable(), claudeCode.unavailableMessage());
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
        await("Show cost and plan limits in Claude Code's status line [Y/n]");
        keys("y");
        await("Let Claude Code ask about its usage (MCP server) [y/N]");
        keys("y");
        await("Install the background service");
        keys("n");
        String screen = await("WIZARD-EXIT=0");
        assertThat(screen).doesNotContain("hunter2-secret").contains("Hooks configured")
                .contains("Status line  cc-telemetry's (cost, plan limits)")
                .contains("MCP server   registered for Claude Code in " + claude.getParent().resolve(".claude.json"));
        assertThat(Files.readString(home.resolve("config.json"))).contains("box-tty").doesNotContain("hunter2");
        JsonNode settings = new ObjectMapper().readTree(claude.getParent().resolve("settings.json").toFile());
        assertThat(settings.path("statusLine").path("command").asText())
                .isEqualTo("'" + home.resolve("hooks/cc-telemetry-statusline.sh") + "'");

        // The server the wizard registered, as Claude Code sees it with the same CLAUDE_CONFIG_DIR.
        ClaudeResult list;
        try (FakeMessagesApi api = FakeMessagesApi.start()) {
            list = claudeCode.exec(ClaudeRun.of("", user, Files.createDirectories(tmp.resolve("work")), api.baseUrl())
                    .withEnv("CLAUDE_CONFIG_DIR", claude.getParent().toString())
                    .withTimeout(Duration.ofSeconds(90)), List.of("mcp", "list"));
        }
        assertThat(list.succeeded()).as(list.describe()).isTrue();
        assertThat(list.stdout()).containsPattern("cc-telemetry: .*java.* mcp - ✔ Connected");
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
