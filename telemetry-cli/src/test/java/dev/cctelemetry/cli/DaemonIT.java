package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.testing.TranscriptBuilder;
import dev.cctelemetry.testing.TranscriptTreeGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The daemon as real processes of the shaded jar: passes, single instance, SIGKILL, racing a hook sync. */
class DaemonIT {

    private static final String S1 = "11111111-1111-4111-8111-111111111111";
    private static final String S2 = "22222222-2222-4222-8222-222222222222";
    private static final String SONNET = "claude-sonnet-4-20250514";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path tmp;
    Path claude;
    Path home;
    private final List<Process> started = new ArrayList<>();
    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        claude = tmp.resolve("claude");
        home = tmp.resolve("telemetry");
        TranscriptBuilder.session(S1)
                .assistant("msg_A", "req_A", SONNET, "2025-08-01T10:00:01.000Z", 100, 50, 0, 0, "end_turn")
                .writeTo(claude.resolve("projects/-home-u-p/" + S1 + ".jsonl"));
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        // A --background daemon is not our child: find it by the pid it wrote into the lock.
        Path lock = home.resolve("state/daemon.lock");
        try {
            String pid = Files.readString(lock).strip();
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(h -> {
                h.destroyForcibly();
                h.onExit().join();
            });
        } catch (IOException | NumberFormatException e) {
            // no daemon ever ran
        }
    }

    private Process start(Path telemetryHome, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + tmp.resolve("user"), "-jar", JarProcess.jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("HOME", tmp.resolve("user").toString());
        env.put("CC_TELEMETRY_HOME", telemetryHome.toString());
        env.put("CLAUDE_CONFIG_DIR", claude.toString());
        env.put("TZ", "UTC");
        int n = runs.incrementAndGet();
        pb.redirectOutput(tmp.resolve("out-" + n + ".txt").toFile());
        pb.redirectError(tmp.resolve("err-" + n + ".txt").toFile());
        Files.createDirectories(tmp.resolve("user"));
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private JarProcess.Result run(Path telemetryHome, String... args) throws Exception {
        Process p = start(telemetryHome, args);
        int n = runs.get();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("cc-telemetry %s finished", List.of(args)).isTrue();
        return new JarProcess.Result(p.exitValue(),
                Files.readString(tmp.resolve("out-" + n + ".txt"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err-" + n + ".txt"), StandardCharsets.UTF_8));
    }

    private JsonNode status() {
        try {
            return JSON.readTree(home.resolve("state/daemon-status.json").toFile());
        } catch (IOException e) {
            return null;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private List<String> exportSorted(Path telemetryHome) throws Exception {
        JarProcess.Result r = run(telemetryHome, "export", "--format", "jsonl");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().lines().sorted().toList();
    }

    @Test
    void aSessionWrittenWhileNoHookFiredIsInTheLedgerAfterTheNextPass() throws Exception {
        Process daemon = start(home, "daemon", "--interval", "2s");
        await("the first pass", () -> status() != null);
        assertThat(status().get("recordsAdded").asLong()).isEqualTo(1);
        TranscriptBuilder.session(S2)
                .assistant("msg_B", "req_B", SONNET, "2025-08-02T10:00:01.000Z", 7, 70, 0, 0, "end_turn")
                .writeTo(claude.resolve("projects/-home-u-q/" + S2 + ".jsonl"));
        await("a pass that adds msg_B", () -> {
            JsonNode s = status();
            return s != null && s.get("filesChecked").asInt() == 2 && s.get("recordsAdded").asLong() == 1
                    && s.get("sessionsReconciled").asInt() == 1;
        });
        assertThat(exportSorted(home)).hasSize(2).anySatisfy(l -> assertThat(l).contains("msg_B").contains(S2));

        daemon.destroy(); // SIGTERM
        assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.exitValue()).as("a clean stop by SIGTERM is a success (issue 19.11)").isZero();
        String log = Files.readString(home.resolve("logs/daemon.log"));
        assertThat(log).contains("pass ok: 1 files checked").contains("pass ok: 2 files checked (1 read")
                .contains("1 sessions reconciled, 1 records added")
                .contains("daemon stopped after");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aSecondDaemonRefusesToStartWhileOneRunsInTheBackground() throws Exception {
        JarProcess.Result bg = run(home, "daemon", "--background", "--interval", "1h");
        assertThat(bg.exitCode()).as(bg.stderr()).isZero();
        assertThat(bg.stdout()).contains("Started the cc-telemetry daemon in the background");
        await("the background daemon's first pass", () -> status() != null);
        long pid = status().get("pid").asLong();
        assertThat(ProcessHandle.of(pid)).isPresent();
        assertThat(bg.stdout()).contains("(pid " + pid + ",").contains("cc-telemetry daemon --stop");
        // It runs the jar's copy under lib/, not the build's target/ that a rebuild replaces (issue 19.11).
        assertThat(ProcessHandle.of(pid).orElseThrow().info().arguments().map(java.util.Arrays::asList)
                .orElse(java.util.List.of())).anySatisfy(a -> assertThat(a).startsWith(
                        home.resolve("lib").toString()).endsWith(".jar"));
        // It stays resident: started lean (heap cap, serial GC), not with the JVM's defaults.
        assertThat(ProcessHandle.of(pid).orElseThrow().info().arguments().map(java.util.Arrays::asList)
                .orElse(java.util.List.of())).contains("-Xmx128m", "-XX:+UseSerialGC");

        JarProcess.Result second = run(home, "daemon", "--interval", "2s");
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.stderr()).contains("another cc-telemetry daemon is already running (pid " + pid + ")");
        JarProcess.Result secondBg = run(home, "daemon", "--background");
        assertThat(secondBg.exitCode()).isEqualTo(1);
        assertThat(secondBg.stderr()).contains("already running");
        JarProcess.Result st = run(home, "service-status");
        assertThat(st.stdout()).contains("Daemon: running (pid " + pid + ")").contains("Last pass:");

        // A killed daemon's lock is released by the OS: a new one starts.
        ProcessHandle h = ProcessHandle.of(pid).orElseThrow();
        h.destroyForcibly();
        h.onExit().join();
        Process again = start(home, "daemon", "--interval", "2s");
        await("a new daemon's pass", () -> status() != null && status().get("pid").asLong() == again.pid());

        // daemon --stop ends it cleanly and says so; with none running it says that.
        JarProcess.Result stopped = run(home, "daemon", "--stop");
        assertThat(stopped.exitCode()).as(stopped.stderr()).isZero();
        assertThat(stopped.stdout()).contains("Stopped the cc-telemetry daemon (pid " + again.pid() + ")");
        assertThat(again.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isZero();
        assertThat(run(home, "daemon", "--stop").stdout()).contains("No cc-telemetry daemon is running.");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aDaemonKilledMidIngestLosesNothingAndDoublesNothingAfterRestart() throws Exception {
        Files.delete(claude.resolve("projects/-home-u-p/" + S1 + ".jsonl"));
        new TranscriptTreeGenerator(claude, 400L << 20, 7).generate();
        Process first = start(home, "daemon", "--interval", "1h");
        Path db = home.resolve("telemetry.db");
        Path wal = home.resolve("telemetry.db-wal");
        // Wait for the first commit of the first pass, then kill before the pass ends.
        await("the first commit", () -> status() != null || (Files.exists(wal) && size(wal) + size(db) > 1 << 20));
        boolean midPass = status() == null;
        first.destroyForcibly(); // SIGKILL
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(midPass).as("the kill landed before the first pass finished").isTrue();

        Process second = start(home, "daemon", "--interval", "1h");
        await("the restarted daemon's pass", () -> status() != null && status().get("pid").asLong() == second.pid());
        assertThat(status().get("ok").asBoolean()).isTrue();
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Path clean = tmp.resolve("clean-home");
        JarProcess.Result sync = run(clean, "sync");
        assertThat(sync.exitCode()).as(sync.stderr()).isZero();
        List<String> recovered = exportSorted(home);
        List<String> reference = exportSorted(clean);
        assertThat(recovered).hasSizeGreaterThan(10_000);
        assertThat(recovered).isEqualTo(reference);
    }

    @Test
    void aHookSyncAndTheDaemonRacingOnOneSessionKeepOneCopyOfEachRecord() throws Exception {
        Path session = claude.resolve("projects/-home-u-p/" + S1 + ".jsonl");
        Process daemon = start(home, "daemon", "--interval", "1s");
        Map<String, Long> expectedOutput = new HashMap<>();
        expectedOutput.put("msg_A", 50L);
        List<Process> syncs = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            TranscriptBuilder b = TranscriptBuilder.session(S1);
            for (int i = 0; i < 40; i++) {
                String id = "msg_" + round + "_" + i;
                // A streaming copy, then the complete one: the ledger must keep only the complete copy.
                b.assistant(id, "req_" + id, SONNET, "2025-08-01T11:00:00.000Z", 10, 1, 0, 0, null);
                b.assistant(id, "req_" + id, SONNET, "2025-08-01T11:00:01.000Z", 10, 100 + i, 0, 0, "end_turn");
                expectedOutput.put(id, 100L + i);
            }
            b.appendTo(session);
            syncs.add(start(home, "sync"));
            Thread.sleep(300);
        }
        for (Process p : syncs) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        long lastSize = Files.size(session);
        await("a daemon pass after the last append", () -> {
            JsonNode s = status();
            return s != null && s.get("ok").asBoolean() && s.get("bytesRead").asLong() == 0;
        });
        daemon.destroy();
        assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> lines = exportSorted(home);
        Map<String, Long> output = new HashMap<>();
        for (String l : lines) {
            JsonNode r = JSON.readTree(l);
            assertThat(output.put(r.get("messageId").asText(), r.get("outputTokens").asLong()))
                    .as("one copy of %s", r.get("messageId").asText()).isNull();
        }
        assertThat(output).isEqualTo(expectedOutput);
        assertThat(Files.size(session)).isEqualTo(lastSize);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
