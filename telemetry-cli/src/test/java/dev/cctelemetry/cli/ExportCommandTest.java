package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    private static final String S1 = "11111111-1111-4111-8111-111111111111";

    @TempDir
    Path tmp;

    /**
     * Issue 18.5: a transcript's values reach the CSV a user opens in a spreadsheet; one that starts like a
     * formula must not run. JSON lines keep the exact values.
     */
    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralisedAndJsonLinesKeepTheExactValues() throws Exception {
        CliHarness cli = new CliHarness(tmp);
        TranscriptBuilder.session(S1).cwd("=1+2")
                // the builder writes the model id into the JSON line as it is: escaped quotes
                .assistant("msg_1", "req_1", "=HYPERLINK(\\\"http://x\\\")", "2026-01-01T10:00:00.000Z", 1, 2, 3, 4,
                        "end_turn")
                .writeTo(cli.userHome.resolve(".claude/projects/-work-p/" + S1 + ".jsonl"));
        assertThat(cli.run("sync").exitCode()).isZero();

        String csv = cli.run("export", "--format", "csv").stdout();
        String jsonl = cli.run("export", "--format", "jsonl").stdout();

        String row = csv.lines().skip(1).findFirst().orElseThrow();
        assertThat(row).startsWith("msg_1,req_1," + S1 + ",'-work-p,'=1+2,")
                .contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");
        var record = new ObjectMapper().readTree(jsonl.lines().findFirst().orElseThrow());
        assertThat(record.get("model").asText()).isEqualTo("=HYPERLINK(\"http://x\")");
        assertThat(record.get("cwd").asText()).isEqualTo("=1+2");
        assertThat(record.get("projectDir").asText()).isEqualTo("-work-p");
    }

    /**
     * Issue 18.2: {@code export -o ~/.claude-telemetry/telemetry.db} turned the ledger into CSV (every later command
     * failed with SQLITE_NOTADB) and {@code -o} replaced pipes and device nodes.
     */
    @Test
    void outputOverTheLedgerOrConfigIsRefusedAndTheLedgerStillWorks() throws Exception {
        CliHarness cli = new CliHarness(tmp);
        cli.oneRecordSession(S1);
        assertThat(cli.run("sync").exitCode()).isZero();
        java.nio.file.Files.writeString(cli.telemetryHome.resolve("config.json"), "{}");

        for (String name : new String[] {"telemetry.db", "telemetry.db-wal", "config.json"}) {
            Path target = cli.telemetryHome.resolve(name);
            CliHarness.Result r = cli.run("export", "-o", target.toString());
            assertThat(r.exitCode()).as(name).isEqualTo(2);
            assertThat(r.stderr().strip()).as(name).isEqualTo("cc-telemetry: cannot write " + target + ": it is"
                    + " cc-telemetry's own " + name + ", which export must not overwrite");
        }
        Path missing = tmp.resolve("nowhere/out.csv");
        assertThat(cli.run("export", "-o", missing.toString()).stderr().strip())
                .isEqualTo("cc-telemetry: cannot write " + missing + ": folder " + missing.getParent()
                        + " does not exist");

        assertThat(cli.run("export", "--format", "jsonl", "-o", "-").stdout()).contains("msg_1");
        assertThat(cli.run("export", "-o", "/dev/null").exitCode()).isZero();
        assertThat(java.nio.file.Files.isRegularFile(Path.of("/dev/null"))).isFalse();
        Path csv = tmp.resolve("out.csv");
        assertThat(cli.run("export", "-o", csv.toString()).exitCode()).isZero();
        assertThat(csv).content().contains("msg_1");
        assertThat(cli.run("report", "daily", "--no-sync").exitCode()).as("the ledger is intact").isZero();
    }
}
