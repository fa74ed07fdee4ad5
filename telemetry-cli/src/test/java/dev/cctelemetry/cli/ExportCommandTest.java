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

    /**
     * {@code export --otlp} from the command line: what is new goes to a loopback OTLP/HTTP receiver; a refusal is
     * one line on stderr (the SDK's own multi-line warnings stay out) with exit 1; a bad URL is a usage error.
     */
    @Test
    void otlpSendsWhatIsNewAndSaysWhatFailedInOneLine() throws Exception {
        CliHarness cli = new CliHarness(tmp);
        cli.oneRecordSession(S1);
        assertThat(cli.run("sync").exitCode()).isZero();
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger(503);
        java.util.List<Integer> sizes = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/v1/metrics", exchange -> {
            sizes.add(exchange.getRequestBody().readAllBytes().length);
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort();

            CliHarness.Result refused = cli.run("export", "--otlp", url, "--otlp-timeout", "5s");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.stderr().lines()).containsExactly("cc-telemetry: OTLP export to " + url
                    + "/v1/metrics failed: the endpoint answered HTTP 503; nothing was marked, the next export sends"
                    + " it again");

            status.set(200);
            CliHarness.Result sent = cli.run("export", "--otlp", url);
            assertThat(sent.exitCode()).isZero();
            assertThat(sent.stdout().strip()).isEqualTo("Exported 1 new or updated record (1 session, as"
                    + " claude_code.token.usage and claude_code.cost.usage) to " + url + "/v1/metrics.");
            assertThat(sent.stderr()).isEmpty();
            assertThat(sizes.get(sizes.size() - 1)).isPositive();
            assertThat(cli.run("export", "--otlp", url).stdout().strip())
                    .isEqualTo("Nothing new to export to " + url + "/v1/metrics.");

            CliHarness.Result both = cli.run("export", "--otlp", url, "-o", tmp.resolve("x.csv").toString());
            assertThat(both.exitCode()).isEqualTo(2);
            assertThat(both.stderr().strip()).isEqualTo("cc-telemetry: --otlp sends to a URL: leave out -o/--output");
            assertThat(cli.run("export", "--otlp", "localhost:4318").stderr().strip()).isEqualTo("cc-telemetry:"
                    + " --otlp localhost:4318: give an http:// or https:// URL, e.g. http://localhost:4318/v1/metrics");
        } finally {
            receiver.stop(0);
        }
    }
}
