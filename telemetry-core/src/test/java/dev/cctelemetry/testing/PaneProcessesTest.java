package dev.cctelemetry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a tmux session's close waits for: every process of the pane, children started later included. */
class PaneProcessesTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void posixShell() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    }

    @Test
    void waitsForAGrandchildThatStillWritesAfterItsParentIsGone() throws IOException {
        Path late = tmp.resolve("late");
        // The child exits at once; the grandchild it leaves behind writes 0.5 s later, as Claude Code's shutdown
        // writes into its HOME after the pane's shell is gone.
        Process shell = new ProcessBuilder("/bin/sh", "-c", "(sleep 0.5; echo done > '" + late + "') & sleep 0.1")
                .start();

        String left = PaneProcesses.of(List.of(shell.pid())).awaitAllGone(Duration.ofSeconds(20));

        assertThat(left).isEmpty();
        assertThat(late).as("the grandchild had finished writing").hasContent("done");
    }

    @Test
    void killsWhatOutlivesTheGrace() throws IOException {
        Process stubborn = new ProcessBuilder("/bin/sh", "-c", "trap '' HUP TERM; sleep 60").start();

        String left = PaneProcesses.of(List.of(stubborn.pid())).awaitAllGone(Duration.ofMillis(300));

        assertThat(left).isEmpty();
        assertThat(stubborn.isAlive()).isFalse();
    }
}
