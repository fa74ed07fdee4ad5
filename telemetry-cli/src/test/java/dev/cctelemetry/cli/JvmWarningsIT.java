package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.cctelemetry.app.hooks.WorkerClassArchive;
import dev.cctelemetry.testing.ManySessionsTree;
import dev.cctelemetry.testing.RequiredInCi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No JVM warning reaches the user on any supported JDK (issue 17.6): JDK 24+ warns on stderr when a library calls
 * {@code sun.misc.Unsafe}'s memory methods (Guava inside Guice did, on every command) or loads a native library
 * without native access (SQLite's driver). Runs the real launcher script on a copy of the real jar, the way the
 * README says to, and the jar as the hook workers and services start it, on the JDK running the tests and on
 * Temurin 25 ({@code CCT_JDK25_HOME}, else {@code /usr/lib/jvm/temurin-25-jdk-amd64}).
 */
class JvmWarningsIT {

    private static final Path JDK25 = Path.of(System.getenv().getOrDefault("CCT_JDK25_HOME",
            "/usr/lib/jvm/temurin-25-jdk-amd64"));

    @TempDir
    Path tmp;

    @Test
    void theJdkRunningTheTestsPrintsNoWarning() throws Exception {
        assertNoWarnings(Path.of(System.getProperty("java.home")));
    }

    @Test
    void jdk25PrintsNoWarning() throws Exception {
        RequiredInCi.assumeAvailable(Files.isExecutable(JDK25.resolve("bin").resolve("java")),
                "no JDK 25 at " + JDK25 + " (set CCT_JDK25_HOME, or .ci/install-tools.sh installs Temurin 25)");
        assertNoWarnings(JDK25);
    }

    private void assertNoWarnings(Path javaHome) throws Exception {
        assumeFalse(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"),
                "the launcher under test is the POSIX shell script");
        Path launcher = installLauncher();
        Path claude = tmp.resolve("claude");
        ManySessionsTree.write(claude, 2, 3);
        List<List<String>> commands = List.of(List.of("--version"), List.of("sync", "--claude-dir", claude.toString()),
                List.of("status"), List.of("doctor"),
                List.of("report", "daily", "--no-sync"), List.of("report", "models", "--no-sync", "--json"));
        runAll(javaHome, launcher, commands);
        // The first run started making this JDK's start-up archive in the background: the same, served from it.
        Path archive = awaitArchive(launcher.resolveSibling("telemetry-cli").resolve("target"));
        runAll(javaHome, launcher, commands);
        assertThat(archive).as("start-up archive still valid").exists();
        // As hook workers and the daemon service start it: java -jar with the background options.
        List<String> cmd = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString()));
        cmd.addAll(WorkerClassArchive.BACKGROUND_JVM_OPTIONS);
        cmd.addAll(List.of("-jar", JarProcess.jar().toAbsolutePath().toString(), "report", "sessions", "--no-sync"));
        Run run = run(javaHome, cmd);
        assertThat(run.stderr()).as("stderr of java -jar on %s", javaHome).isEmpty();
        assertThat(run.stdout()).contains("00000001-0000-4000-8000-000000000002");
    }

    private void runAll(Path javaHome, Path launcher, List<List<String>> commands) throws Exception {
        for (List<String> args : commands) {
            List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
            cmd.addAll(args);
            Run run = run(javaHome, cmd);
            assertThat(run.stderr()).as("stderr of cc-telemetry %s on %s", String.join(" ", args), javaHome)
                    .isEmpty();
            if (!args.get(0).equals("doctor")) { // doctor's code says what it found, not whether it ran
                assertThat(run.exitCode()).as("exit code of %s", args).isZero();
            }
        }
    }

    /** The one archive the launcher's background training made for this JDK ({@code .jsa}, or {@code .aot} on 25+). */
    private static Path awaitArchive(Path target) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (true) {
            List<Path> archives;
            try (Stream<Path> s = Files.list(target)) {
                archives = s.filter(p -> p.getFileName().toString().matches("cc-telemetry-.+\\.(jsa|aot)")).toList();
            }
            if (!archives.isEmpty() && !Files.exists(Path.of(archives.get(0) + ".making"))) {
                assertThat(archives).as("one archive per JDK").hasSize(1);
                return archives.get(0);
            }
            assertThat(System.nanoTime()).as("the start-up archive appeared in " + target).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** The repository's launcher next to a copy of the jar, laid out as in a checkout (so it never rebuilds). */
    private Path installLauncher() throws IOException {
        Path root = tmp.resolve("checkout");
        Path target = Files.createDirectories(root.resolve("telemetry-cli").resolve("target"));
        Path launcher = root.resolve("cc-telemetry");
        Files.copy(repositoryRoot().resolve("cc-telemetry"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(JarProcess.jar(), target.resolve("cc-telemetry.jar"));
        return launcher;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("cc-telemetry"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root holding the launcher").isNotNull();
        return dir;
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private Run run(Path javaHome, List<String> cmd) throws IOException, InterruptedException {
        Path user = Files.createDirectories(tmp.resolve("user"));
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("CC_TELEMETRY_JAVA_OPTS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().put("HOME", user.toString());
        pb.environment().put("CLAUDE_CONFIG_DIR", tmp.resolve("claude").toString());
        pb.environment().put("CC_TELEMETRY_HOME", tmp.resolve("telemetry").toString());
        pb.environment().put("TZ", "UTC");
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " timed out");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
