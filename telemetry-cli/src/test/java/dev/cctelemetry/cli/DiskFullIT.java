package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.store.sqlite.SqliteLedger;
import dev.cctelemetry.testing.TranscriptTreeGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk while the ledger is written, simulated with SQLite's {@code max_page_count} (the
 * {@value SqliteLedger#MAX_PAGE_COUNT_PROPERTY} test knob): the sync fails with one line, the ledger keeps what
 * it had, and the next sync with space available catches up to exactly the ledger of one clean sync.
 */
class DiskFullIT {

    @TempDir
    Path tmp;

    @Test
    void syncOnAFullDiskFailsCleanlyKeepsTheOldDataAndCatchesUpLater() throws Exception {
        Path claude = tmp.resolve("claude");
        new TranscriptTreeGenerator(claude.resolve("first"), 4L << 20, 31).generate();
        Path dense = tmp.resolve("later");
        DenseTranscripts.write(dense, 4, 1500, 32);
        JarProcess cli = new JarProcess(tmp.resolve("run"), Map.of("CLAUDE_CONFIG_DIR", claude.toString()));
        // First, a ledger holding the first tree.
        Files.move(claude.resolve("first/projects"), claude.resolve("projects"));
        assertThat(cli.run("sync").exitCode()).isZero();
        Path db = cli.telemetryHome().resolve("telemetry.db");
        LedgerSnapshot before = LedgerSnapshot.of(db);
        long pages = Files.size(db) / 4096;

        // Then more transcripts arrive, and the disk has room for a few pages only.
        Files.move(dense.resolve("projects/-home-dev-dense-0"), claude.resolve("projects/-home-dev-dense-0"));
        Files.move(dense.resolve("projects/-home-dev-dense-1"), claude.resolve("projects/-home-dev-dense-1"));
        Path out = tmp.resolve("full.out");
        Path err = tmp.resolve("full.err");
        Process p = cli.start(List.of("-D" + SqliteLedger.MAX_PAGE_COUNT_PROPERTY + "=" + (pages + 8)), out, err,
                "sync");
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err);
        assertThat(p.exitValue()).as(stderr).isEqualTo(1);
        assertThat(stderr.strip().lines().toList()).hasSizeLessThanOrEqualTo(2)
                .first().asString().startsWith("cc-telemetry: ").containsIgnoringCase("full");
        assertThat(stderr).doesNotContain("\tat ");
        LedgerSnapshot afterFailure = LedgerSnapshot.of(db);
        assertThat(afterFailure.integrity()).isEqualTo("ok");
        assertThat(afterFailure.tables()).as("the failed sync changed nothing").isEqualTo(before.tables());

        // Space returns: the next sync reads what the failed one could not store.
        JarProcess.Result again = cli.run("sync");
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        JarProcess reference = new JarProcess(tmp.resolve("reference"), Map.of("CLAUDE_CONFIG_DIR", claude.toString()));
        assertThat(reference.run("sync").exitCode()).isZero();
        assertThat(LedgerSnapshot.of(db).tables())
                .isEqualTo(LedgerSnapshot.of(reference.telemetryHome().resolve("telemetry.db")).tables());
        System.out.println("DiskFullIT: full-disk sync stderr: " + stderr.strip().replace('\n', '|'));
    }
}
