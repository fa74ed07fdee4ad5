package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts from the shipped jar as real processes: two hook workers started at once over a ledger whose budget is
 * crossed alert once (one webhook POST to a loopback server started here, one run of a fake {@code notify-send}
 * first on PATH), both exit 0 and print nothing.
 */
class AlertsIT {

    private static final String S1 = "44444444-4444-4444-8444-444444444444";

    @TempDir
    Path tmp;
    private HttpServer receiver;
    private final List<String> texts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook/SECRET", exchange -> {
            texts.add(new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes()).get("text").asText());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void twoHookWorkersCrossingOneBudgetThresholdAtOnceAlertOnce() throws Exception {
        Path claude = tmp.resolve("claude");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path notified = tmp.resolve("notified");
        Path fake = bin.resolve("notify-send");
        Files.writeString(fake, "#!/bin/sh\nshift 2\nprintf '%s\\n' \"$1\" >> '" + notified + "'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        JarProcess cli = new JarProcess(tmp.resolve("run"), Map.of("CLAUDE_CONFIG_DIR", claude.toString(),
                "DISPLAY", ":0", "PATH", bin + ":" + System.getenv("PATH")));
        // One request of $0.30 today (UTC: the jar runs with TZ=UTC), never before today's midnight.
        Instant now = Instant.now();
        Instant at = now.minusSeconds(2).isBefore(now.truncatedTo(ChronoUnit.DAYS)) ? now : now.minusSeconds(2);
        Path transcript = claude.resolve("projects/-work-p/" + S1 + ".jsonl");
        TranscriptBuilder.session(S1).assistant("msg_1", "req_1", "claude-sonnet-4-20250514",
                at.atOffset(ZoneOffset.UTC).toString(), 100_000, 0, 0, 0, "end_turn").writeTo(transcript);
        assertThat(cli.run("sync").exitCode()).isZero(); // a manual sync evaluates no alert
        assertThat(cli.run("budget", "set", "--daily", "0.50").exitCode()).isZero();
        assertThat(cli.run("alert", "set", "--webhook", "http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hook/SECRET").exitCode()).isZero();

        List<Process> workers = new ArrayList<>();
        Path spoolDir = Files.createDirectories(cli.telemetryHome().resolve("spool"));
        for (int w = 0; w < 2; w++) {
            Path spool = spoolDir.resolve("stop.worker000" + w);
            Files.writeString(spool, "{\"session_id\":\"" + S1 + "\",\"transcript_path\":\"" + transcript
                    + "\",\"hook_event_name\":\"Stop\"}");
            workers.add(cli.start(List.of(), tmp.resolve("out" + w), tmp.resolve("err" + w), "hook-run", "--event",
                    "stop", "--spool", spool.toString()));
        }
        for (int w = 0; w < 2; w++) {
            assertThat(workers.get(w).waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(workers.get(w).exitValue()).isZero();
            assertThat(Files.readString(tmp.resolve("out" + w)) + Files.readString(tmp.resolve("err" + w)))
                    .isEmpty();
        }

        assertThat(texts).singleElement().asString().startsWith("cc-telemetry: Budget 50 % used. $0.30 spent of"
                + " $0.50 per day (this machine)");
        assertThat(Files.readAllLines(notified)).containsExactly("Budget 50 % used");
        JarProcess.Result list = cli.run("alert", "list");
        assertThat(list.stdout()).contains("Webhook: http://127.0.0.1:" + receiver.getAddress().getPort() + "/…",
                "Budget 50 % used", "desktop: delivered", "webhook: delivered").doesNotContain("SECRET");
        assertThat(Files.readString(cli.telemetryHome().resolve("logs/hook-sync.log"), StandardCharsets.UTF_8))
                .doesNotContain("SECRET");
    }
}
