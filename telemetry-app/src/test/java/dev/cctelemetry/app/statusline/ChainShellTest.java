package dev.cctelemetry.app.statusline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's kept statusLine runs in the shell Claude Code runs it in: {@code sh -c} here, Git Bash or PowerShell on
 * Windows (never cmd.exe), with the command read from the kept file there so no quoting can change it.
 */
class ChainShellTest {

    @TempDir
    Path tmp;

    private Path file(String relative) throws IOException {
        Path f = tmp.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "");
        return f;
    }

    @Test
    void onPosixTheCommandRunsWithShDashC() {
        ChainShell.Invocation run = ChainShell.of(false, Map.of("PATH", "/usr/bin"), Files::isRegularFile)
                .invocation("~/bin/my-line --short", tmp.resolve("statusline-chain"));

        assertThat(run.command()).containsExactly("/bin/sh", "-c", "~/bin/my-line --short");
        assertThat(run.environment()).isEmpty();
    }

    @Test
    void onWindowsGitBashIsFoundLikeClaudeCodeFindsItAndRunsTheKeptFile() throws IOException {
        Path bash = file("Git/bin/bash.exe");
        file("Git/cmd/git.exe");
        Path chain = tmp.resolve("state/statusline-chain");
        // Windows names are not case-sensitive: "Path" is how Windows spells it.
        Map<String, String> env = Map.of("Path", tmp.resolve("nothing-here") + ";" + tmp.resolve("Git/cmd"));

        ChainShell shell = ChainShell.of(true, env, Files::isRegularFile);

        assertThat(shell.bash()).contains(bash);
        assertThat(shell.invocation("echo \"mine\"", chain).command()).containsExactly(bash.toString(),
                chain.toAbsolutePath().toString());
        Path named = file("Tools/bash.exe");
        assertThat(ChainShell.of(true, Map.of("CLAUDE_CODE_GIT_BASH_PATH", named.toString(), "PATH",
                tmp.resolve("Git/cmd").toString()), Files::isRegularFile).bash()).contains(named);
        Path beside = file("Other/bin/bash.exe");
        file("Other/bin/git.exe");
        assertThat(ChainShell.of(true, Map.of("PATH", tmp.resolve("Other/bin").toString()), Files::isRegularFile)
                .bash()).contains(beside);
    }

    @Test
    void onWindowsWithoutGitBashWindowsPowerShellReadsTheKeptFileNeverCmd() {
        Path chain = tmp.resolve("state/statusline-chain");

        ChainShell.Invocation run = ChainShell.of(true, Map.of("PATH", tmp.toString()), Files::isRegularFile)
                .invocation("echo mine", chain);

        assertThat(run.command()).startsWith("powershell.exe").doesNotContain("cmd.exe").noneMatch(a -> a
                .contains("echo mine"));
        assertThat(run.command().get(run.command().size() - 1)).doesNotContain("\"");
        assertThat(run.environment()).containsEntry(ChainShell.CHAIN_FILE_VARIABLE, chain.toAbsolutePath()
                .toString());
    }

    /** The Windows way (bash running the kept file) with the real bash here: quotes survive, stdin is the payload. */
    @Test
    void aCommandRunFromTheKeptFileGetsThePayloadAndKeepsItsQuotes() throws IOException {
        Path chain = tmp.resolve("statusline-chain");
        Files.writeString(chain, "read -r line; printf '%s|%s\\n' \"mine \\\"quoted\\\"\" \"${#line}\"",
                StandardCharsets.UTF_8);
        byte[] payload = "{\"session_id\":\"abc\"}\n".getBytes(StandardCharsets.UTF_8);
        ChainShell windowsLike = new ChainShell(true, Optional.of(Path.of("/bin/bash")));

        Optional<String> out = ChainedStatusline.start(chain, windowsLike, payload, payload.length)
                .flatMap(c -> c.output(System.nanoTime()));

        assertThat(out).contains("mine \"quoted\"|20");
    }
}
