package dev.cctelemetry.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the shaded cc-telemetry jar as a real process with temp homes, as a user would. */
final class JarProcess {

    /** What a run printed and returned. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    static Path jar() {
        return Path.of(System.getProperty("cct.jar", "target/cc-telemetry.jar"));
    }

    private final Path home;
    private final Map<String, String> env;

    /**
     * @param home temp folder holding the fake user home and the telemetry home
     * @param env extra environment (CLAUDE_CONFIG_DIR …)
     */
    JarProcess(Path home, Map<String, String> env) {
        this.home = home;
        this.env = Map.copyOf(env);
    }

    Path telemetryHome() {
        return home.resolve("telemetry");
    }

    Process start(String... args) throws IOException {
        return start(List.of(), home.resolve("stdout.txt"), home.resolve("stderr.txt"), args);
    }

    /**
     * Starts a run with extra JVM options and its own output files, so several runs can share one home.
     *
     * @param jvmArgs options placed before {@code -jar} (e.g. {@code -Dcct.sqlite.maxPageCount=…})
     */
    Process start(List<String> jvmArgs, Path stdout, Path stderr, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Duser.home=" + home.resolve("user"));
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("CLAUDE_CONFIG_DIR");
        pb.environment().put("HOME", home.resolve("user").toString());
        pb.environment().put("CC_TELEMETRY_HOME", telemetryHome().toString());
        pb.environment().put("TZ", "UTC");
        pb.environment().putAll(env);
        pb.redirectOutput(stdout.toFile());
        pb.redirectError(stderr.toFile());
        Files.createDirectories(home.resolve("user"));
        return pb.start();
    }

    Result run(String... args) throws IOException, InterruptedException {
        Process p = start(args);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("cc-telemetry " + String.join(" ", args) + " timed out");
        }
        return new Result(p.exitValue(), Files.readString(home.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }
}
