package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as a process over a temp CLAUDE_CONFIG_DIR: what a user types, what they see. */
class CliEndToEndIT {

    private static final String S1 = "11111111-1111-4111-8111-111111111111";
    private static final String SONNET = "claude-sonnet-4-20250514";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path claude;
    JarProcess cli;

    @BeforeEach
    void setUp() throws Exception {
        claude = tmp.resolve("claude-config");
        TranscriptBuilder.session(S1)
                .user("hi")
                .assistant("msg_A", "req_A", SONNET, "2025-08-01T10:00:01.000Z", 100, 50, 1000, 2000, "end_turn")
                .assistant("msg_A", "req_A", SONNET, "2025-08-01T10:00:01.000Z", 100, 50, 1000, 2000, "end_turn")
                .assistant("msg_B", "req_B", SONNET, "2025-08-01T23:30:00.000Z", 10, 5, 0, 0, null)
                .assistant("msg_B", "req_B", SONNET, "2025-08-01T23:30:01.000Z", 10, 500, 0, 0, "end_turn")
                .raw("{not json")
                .raw("{\"type\":\"assistant\",\"message\":{\"id\":\"msg_C\",\"usage\":{\"input_tokens\":")
                .writeTo(claude.resolve("projects/-home-user-projA/" + S1 + ".jsonl"));
        cli = new JarProcess(tmp.resolve("run"), Map.of("CLAUDE_CONFIG_DIR", claude.toString()));
    }

    @Test
    void dailyReportAfterSyncShowsExactDedupedTotals() throws Exception {
        JarProcess.Result r = cli.run("report", "daily", "--json", "--timezone", "UTC");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode doc = JSON.readTree(r.stdout());
        JsonNode totals = doc.get("totals");
        assertThat(totals.get("inputTokens").asLong()).isEqualTo(110);
        assertThat(totals.get("outputTokens").asLong()).isEqualTo(550);
        assertThat(totals.get("cacheCreationTokens").asLong()).isEqualTo(1000);
        assertThat(totals.get("cacheReadTokens").asLong()).isEqualTo(2000);
        assertThat(totals.get("totalCost").asDouble()).isCloseTo(0.01293, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(doc.get("daily")).hasSize(1);
        // The same records in Tokyo fall on two days.
        JarProcess.Result tokyo = cli.run("report", "daily", "--json", "--timezone", "Asia/Tokyo", "--no-sync");
        assertThat(JSON.readTree(tokyo.stdout()).get("daily")).hasSize(2);
    }

    @Test
    void syncPrintsASummaryAndCreatesAPrivateConfigWithAMachineId() throws Exception {
        JarProcess.Result r = cli.run("sync");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Synced 1 file ").contains("2 new records").contains("2 lines skipped");
        Path config = cli.telemetryHome().resolve("config.json");
        JsonNode c = JSON.readTree(config.toFile());
        assertThat(c.get("machine_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        String id = c.get("machine_id").asText();
        cli.run("sync");
        assertThat(JSON.readTree(config.toFile()).get("machine_id").asText()).isEqualTo(id);
        JarProcess.Result again = cli.run("sync", "--json");
        assertThat(JSON.readTree(again.stdout()).get("bytesRead").asLong()).isZero();
    }

    @Test
    void warningsGoToStderrSoJsonOnStdoutStaysParseable() throws Exception {
        cli.run("sync");
        // A store nobody listens on: the push after the sync fails and logs a warning.
        Path config = cli.telemetryHome().resolve("config.json");
        com.fasterxml.jackson.databind.node.ObjectNode c = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(config.toFile());
        c.putObject("store").put("url", "jdbc:postgresql://127.0.0.1:1/nothing").put("user", "nobody");
        Files.writeString(config, JSON.writeValueAsString(c));

        JarProcess.Result r = cli.run("sync", "--json");

        // Everything was ingested; only the push, retried by the next sync, failed: not a failure (issue 17.3).
        assertThat(r.exitCode()).isZero();
        assertThat(r.stderr()).contains("WARN").contains("push failed");
        JsonNode doc = JSON.readTree(r.stdout());
        assertThat(doc.get("ledgerRecords").asLong()).isEqualTo(2);
        assertThat(r.stdout().strip().lines()).hasSize(1);
    }

    @Test
    void exportWritesEveryRecordAsCsvAndJsonLines() throws Exception {
        cli.run("sync");
        JarProcess.Result csv = cli.run("export", "--format", "csv");
        assertThat(csv.stdout().lines()).hasSize(3).first().asString().startsWith("message_id,request_id,session_id");
        JarProcess.Result jsonl = cli.run("export", "--format", "jsonl");
        assertThat(jsonl.stdout().lines()).hasSize(2)
                .allSatisfy(line -> assertThat(JSON.readTree(line).get("sessionId").asText()).isEqualTo(S1));
    }

    @Test
    void badInputGivesOneLineErrorsAndTheRightExitCodes() throws Exception {
        JarProcess.Result missing = cli.run("sync", "--claude-dir", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr().strip().lines()).hasSize(1).first().asString().contains("no Claude Code transcripts");

        JarProcess.Result badFlag = cli.run("report", "daily", "--since", "yesterday");
        assertThat(badFlag.exitCode()).isEqualTo(2);
        assertThat(badFlag.stderr()).contains("is not a date").doesNotContain("at dev.");

        JarProcess.Result unknown = cli.run("sync", "--frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("Unknown option");

        Files.createDirectories(cli.telemetryHome());
        Files.writeString(cli.telemetryHome().resolve("telemetry.db"), "garbage ".repeat(500));
        JarProcess.Result corrupt = cli.run("report", "daily");
        assertThat(corrupt.exitCode()).isEqualTo(1);
        assertThat(corrupt.stderr()).contains("cannot open ledger").doesNotContain("\tat ");
        JarProcess.Result verbose = cli.run("report", "daily", "--verbose");
        assertThat(verbose.stderr()).contains("\tat ");
        assertThat(Files.readString(cli.telemetryHome().resolve("telemetry.db"))).startsWith("garbage");
    }
}
