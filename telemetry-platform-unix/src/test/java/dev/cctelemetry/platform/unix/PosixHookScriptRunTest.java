package dev.cctelemetry.platform.unix;

import static dev.cctelemetry.platform.unix.HookScriptHarness.SESSION;
import static dev.cctelemetry.platform.unix.HookScriptHarness.payload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.HookEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Runs the rendered sh scripts with /bin/sh and a stub java. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class PosixHookScriptRunTest {

    /** The worker's JVM options, as every script passes them. */
    private static final String JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m";

    /** The worker's command line up to the jar: the archive next to the jar, then {@link #JVM}. */
    private static String jvm(HookScriptHarness h) {
        return "-XX:SharedArchiveFile=" + h.jar + ".jsa -Xshare:auto -Xlog:cds*=off " + JVM;
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    @Test
    void stopExitsZeroSilentlyAndSpoolsThePayloadOwnerOnly() throws Exception {
        HookScriptHarness h = new HookScriptHarness(tmp, 120);
        String payload = payload(SESSION);

        HookScriptHarness.Run run = h.run(HookEvent.STOP, payload, 1000L);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).isEmpty();
        List<Path> spool = h.spoolFiles();
        assertThat(spool).hasSize(1);
        assertThat(Files.readString(spool.get(0))).isEqualTo(payload);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.get(0)))).isEqualTo("rw-------");
        List<String> calls = h.awaitJavaCalls(1, WAIT);
        assertThat(calls.get(0)).isEqualTo(jvm(h) + " -jar " + h.jar + " hook-run --event stop --spool "
                + spool.get(0) + " --session " + SESSION);
        assertThat(Files.readString(h.gate(SESSION).resolve("deadline")).trim()).isEqualTo("1120");
    }

    @Test
    void stopsInsideTheWindowMarkPendingAndStartNoJvm() throws Exception {
        HookScriptHarness h = new HookScriptHarness(tmp, 120);
        h.run(HookEvent.STOP, payload(SESSION), 0L);
        h.awaitJavaCalls(1, WAIT);

        HookScriptHarness.Run second = h.run(HookEvent.STOP, payload(SESSION), 10L);

        assertThat(second.exitCode()).isZero();
        assertThat(h.gate(SESSION).resolve("pending")).exists();
        assertThat(h.spoolFiles()).as("the collapsed Stop's spool is deleted").hasSize(1);
        HookScriptHarness.Run close = h.close(SESSION, 120);
        assertThat(close.exitCode()).isZero();
        assertThat(h.javaCalls()).hasSize(2);
        assertThat(h.javaCalls().get(1))
                .isEqualTo(jvm(h) + " -jar " + h.jar + " hook-run --event stop-trailing --session " + SESSION);
        assertThat(h.gate(SESSION)).doesNotExist();
    }

    @Test
    void sessionEndAlwaysSyncsAndDropsThePendingMark() throws Exception {
        HookScriptHarness h = new HookScriptHarness(tmp, 120);
        h.run(HookEvent.STOP, payload(SESSION), 0L);
        h.run(HookEvent.STOP, payload(SESSION), 30L);
        assertThat(h.gate(SESSION).resolve("pending")).exists();

        HookScriptHarness.Run end = h.run(HookEvent.SESSION_END, payload(SESSION), 40L);

        assertThat(end.exitCode()).isZero();
        assertThat(end.stdout()).isEmpty();
        assertThat(h.gate(SESSION).resolve("pending")).doesNotExist();
        List<String> calls = h.awaitJavaCalls(2, WAIT);
        assertThat(calls).anySatisfy(c -> assertThat(c).contains("hook-run --event session-end --spool "));
        h.close(SESSION, 120);
        assertThat(h.javaCalls()).as("no trailing sync after SessionEnd").hasSize(2);
    }

    @Test
    void expiredGateIsReplaced() throws Exception {
        HookScriptHarness h = new HookScriptHarness(tmp, 120);
        h.run(HookEvent.STOP, payload(SESSION), 0L);
        h.run(HookEvent.STOP, payload(SESSION), 10L);

        h.run(HookEvent.STOP, payload(SESSION), 500L);

        assertThat(Files.readString(h.gate(SESSION).resolve("deadline")).trim()).isEqualTo("620");
        assertThat(h.gate(SESSION).resolve("pending")).doesNotExist();
        h.awaitJavaCalls(2, WAIT);
    }

    @Test
    void aGateLeftWithoutDeadlineHoldsStopsForOneWindowOnly() throws Exception {
        HookScriptHarness h = new HookScriptHarness(tmp, 120);
        // A Stop killed between creating its gate and writing the deadline, at (fake) second 100.
        Path gate = Files.createDirectories(h.gate(SESSION));
        Files.setLastModifiedTime(gate, java.nio.file.attribute.FileTime.fromMillis(100_000L));

        h.run(HookEvent.STOP, payload(SESSION), 150L);
        assertThat(gate.resolve("pending")).as("inside the window the gate still holds").exists();
        assertThat(gate.resolve("deadline")).doesNotExist();
        Files.setLastModifiedTime(gate, java.nio.file.attribute.FileTime.fromMillis(100_000L));

        h.run(HookEvent.STOP, payload(SESSION), 221L);

        assertThat(Files.readString(gate.resolve("deadline")).trim()).isEqualTo("341");
        assertThat(gate.resolve("pending")).doesNotExist();
        h.awaitJavaCalls(1, WAIT);
    }

    @Test
    void theJvmStartsSilentlyWhenTheArchiveTheScriptsNameIsMissing() throws Exception {
        // The scripts always name <jar>.jsa: without one (setup could not make it) the worker must still start, and
        // start silently: JDK 25 logs '[error][cds] Not a valid shared archive file' on stdout unless cds logging is off.
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBin.toString(), "-XX:SharedArchiveFile=" + tmp.resolve("none.jsa"),
                "-Xshare:auto", "-Xlog:cds*=off", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-version")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).doesNotContainIgnoringCase("warning").doesNotContainIgnoringCase("error");
    }

    @Test
    void realTrailerRunsOneTrailingSyncAtWindowEnd() throws Exception {
        HookScriptHarness h = new HookScriptHarness(tmp, 2);
        long now = System.currentTimeMillis() / 1000;
        // Stops on the real clock's current second (CCT_NOW unset, so the trailer is started).
        h.run(HookEvent.STOP, payload(SESSION), null);
        h.exec(List.of("/bin/sh", h.script(HookEvent.STOP).toString()), payload(SESSION), null,
                java.util.Map.of());
        assertThat(h.gate(SESSION).resolve("pending")).as("second Stop within %d+2 s", now).exists();

        List<String> calls = h.awaitJavaCalls(2, Duration.ofSeconds(15));

        assertThat(calls.get(1)).endsWith("--event stop-trailing --session " + SESSION);
        awaitGone(h.gate(SESSION));
    }

    @Test
    void injectedSessionIdRunsNothingAndFallsBackToUnknownKey() throws Exception {
        HookScriptHarness h = new HookScriptHarness(tmp, 120);
        for (String evil : List.of("$(touch pwned)", "`touch pwned`", "abc\\n$(touch pwned)",
                "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d$(touch pwned)", "../../../../../../../../pwned")) {
            String payload = "{\"session_id\":\"" + evil + "\",\"x\":\"\n$(touch pwned)\n\"}";
            assertThat(h.run(HookEvent.STOP, payload, 0L).exitCode()).isZero();
            assertThat(h.run(HookEvent.SESSION_END, payload, 1L).exitCode()).isZero();
        }
        h.awaitJavaCalls(6, WAIT);
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.map(p -> p.getFileName().toString())).doesNotContain("pwned");
        }
        try (Stream<Path> gates = Files.list(h.home.resolve("state/debounce"))) {
            assertThat(gates.map(p -> p.getFileName().toString())).containsExactly("unknown");
        }
    }

    @Test
    void missingJavaStillExitsZeroAndLogsOneLine() throws Exception {
        HookScriptHarness h = new HookScriptHarness(tmp, 120, false);

        HookScriptHarness.Run stop = h.run(HookEvent.STOP, payload(SESSION), 0L);
        HookScriptHarness.Run end = h.run(HookEvent.SESSION_END, payload(SESSION), 1L);

        assertThat(stop.exitCode()).isZero();
        assertThat(end.exitCode()).isZero();
        assertThat(stop.stdout() + end.stdout() + stop.stderr() + end.stderr()).isEmpty();
        assertThat(Files.readAllLines(h.home.resolve("logs/hook-script.log")))
                .hasSize(2).allSatisfy(l -> assertThat(l).contains("java is not executable"));
        assertThat(h.spoolFiles()).as("no spool is left without a worker to read it").isEmpty();
    }

    @Test
    void unwritableHomeStillExitsZero() throws Exception {
        HookScriptHarness h = new HookScriptHarness(tmp, 120);
        Files.writeString(h.home, "a file where the home directory should be");

        HookScriptHarness.Run stop = h.run(HookEvent.STOP, payload(SESSION), 0L);

        assertThat(stop.exitCode()).isZero();
        assertThat(stop.stdout()).isEmpty();
        assertThat(h.javaCalls()).isEmpty();
    }

    @Test
    void payloadIsBoundedByMaxStdinBytes() throws Exception {
        HookScriptHarness h = new HookScriptHarness(tmp, 120);
        String big = payload(SESSION) + " ".repeat(2 * 1024 * 1024);

        assertThat(h.run(HookEvent.SESSION_END, big, 0L).exitCode()).isZero();

        assertThat(Files.size(h.spoolFiles().get(0))).isEqualTo(1024L * 1024L);
        h.awaitJavaCalls(1, WAIT);
    }

    @Test
    void aStopPayloadLongerThanTheSpoolKeepsStillNamesItsSessionToTheWorker() throws Exception {
        HookScriptHarness h = new HookScriptHarness(tmp, 120);
        String big = payload(SESSION).replace("Done. ", "Done. " + "x".repeat(2 * 1024 * 1024));

        assertThat(h.run(HookEvent.STOP, big, 0L).exitCode()).isZero();

        assertThat(Files.size(h.spoolFiles().get(0))).isEqualTo(1024L * 1024L);
        assertThat(h.awaitJavaCalls(1, WAIT).get(0)).endsWith(" --session " + SESSION);
    }

    @Test
    void worksWithNohupWhenSetsidIsAbsent() throws Exception {
        HookScriptHarness h = new HookScriptHarness(tmp, 120);
        Path bin = Files.createDirectories(tmp.resolve("nosetsid"));
        for (String tool : List.of("date", "mkdir", "mktemp", "head", "awk", "cat", "mv", "rm", "nohup")) {
            Path real = Stream.of("/usr/bin/", "/bin/").map(d -> Path.of(d + tool)).filter(Files::exists)
                    .findFirst().orElseThrow();
            Files.writeString(bin.resolve(tool), "#!/bin/sh\nexec " + real + " \"$@\"\n");
            Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwx------"));
        }

        HookScriptHarness.Run run = h.exec(List.of("/bin/sh", h.script(HookEvent.SESSION_END).toString()),
                payload(SESSION), 0L, java.util.Map.of("PATH", bin.toString()));

        assertThat(run.exitCode()).isZero();
        assertThat(h.awaitJavaCalls(1, WAIT).get(0)).contains("--event session-end");
        assertThat(h.workDir.resolve("nohup.out")).doesNotExist();
    }

    private static void awaitGone(Path p) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (Files.exists(p) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(p).doesNotExist();
    }

}
