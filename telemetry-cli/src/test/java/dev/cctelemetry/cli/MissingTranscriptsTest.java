package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.app.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issues 17.4 and 17.5: reports when the transcripts are gone, and a first run with none, in temp homes.
 */
class MissingTranscriptsTest {

    @TempDir
    Path tmp;

    @Test
    void aReportShowsTheLedgersHistoryWhenClaudeConfigDirLostItsProjectsFolder() throws Exception {
        Installation i = new Installation(tmp);
        i.transcript();
        assertThat(i.run("sync").code()).isZero();
        Path projects = i.transcriptFile().getParent().getParent();
        Files.move(projects, projects.resolveSibling("projects-moved"));

        Installation.Result r = i.run("report", "daily", "-z", "UTC");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2025-08-01").contains("Total");
        assertThat(r.err().lines()).hasSize(1).first().asString()
                .contains("no Claude Code transcripts in " + projects.getParent())
                .contains("CLAUDE_CONFIG_DIR").contains("what the ledger already holds");

        // A folder named on the command line is still a mistake worth stopping for.
        Installation.Result named = i.run("report", "daily", "--claude-dir", projects.getParent().toString());
        assertThat(named.code()).isEqualTo(ExitCode.USAGE);
        assertThat(named.out()).isEmpty();
    }

    @Test
    void aFirstRunWithoutTranscriptsSaysWhereItLookedAndHowToPointElsewhere() {
        CliHarness cli = new CliHarness(tmp);
        Path xdg = cli.userHome.resolve(".config/claude/projects");
        Path dotClaude = cli.userHome.resolve(".claude/projects");

        CliHarness.Result report = cli.run("report", "daily");

        assertThat(report.exitCode()).as(report.stderr()).isZero();
        assertThat(report.stdout()).contains("No usage recorded");
        assertThat(report.stderr()).contains("looked in " + xdg + " and " + dotClaude)
                .contains("CLAUDE_CONFIG_DIR").contains("--claude-dir");

        CliHarness.Result sync = cli.run("sync");
        assertThat(sync.exitCode()).isZero();
        assertThat(sync.stdout()).contains("looked in " + xdg + " and " + dotClaude)
                .contains("set CLAUDE_CONFIG_DIR or use --claude-dir");
    }
}
