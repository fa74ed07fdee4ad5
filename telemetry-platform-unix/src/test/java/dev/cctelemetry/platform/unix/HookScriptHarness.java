package dev.cctelemetry.platform.unix;

import dev.cctelemetry.core.port.out.HookEvent;
import dev.cctelemetry.core.port.out.HookScriptSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Installs rendered hook scripts into a temp dir whose paths hold spaces, quotes, {@code $}, backticks and
 * non-ASCII, with a stub "java" that appends its arguments to a file, and runs them with {@code /bin/sh}.
 */
final class HookScriptHarness {

    /** The outcome of one script run. */
    record Run(int exitCode, String stdout, String stderr, long nanos) {
    }

    static final String SESSION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    final Path root;
    final Path home;
    final Path java;
    final Path jar;
    final Path calls;
    final Path workDir;
    final HookScriptSpec spec;
    private final Map<HookEvent, Path> scripts = new HashMap<>();

    HookScriptHarness(Path root, int windowSeconds) throws IOException {
        this(root, windowSeconds, true);
    }

    HookScriptHarness(Path root, int windowSeconds, boolean withJava) throws IOException {
        this.root = root;
        this.home = root.resolve("tele home 'q' $HOME `x` é");
        Path bin = Files.createDirectories(root.resolve("bin dir \"dq\" $(nope)"));
        this.java = bin.resolve("java");
        this.jar = Files.createDirectories(root.resolve("lib ü")).resolve("cc telemetry.jar");
        this.calls = root.resolve("java-calls.txt");
        this.workDir = Files.createDirectories(root.resolve("cwd"));
        Files.writeString(jar, "not a real jar");
        if (withJava) {
            Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> " + ShellQuoting.singleQuote(calls.toString())
                    + "\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        }
        this.spec = new HookScriptSpec(java, jar, home, windowSeconds, HookScriptSpec.DEFAULT_MAX_STDIN_BYTES);
        PosixHookScriptRenderer renderer = new PosixHookScriptRenderer();
        Path hooks = Files.createDirectories(root.resolve("hooks dir"));
        for (HookEvent e : HookEvent.values()) {
            Path script = hooks.resolve(renderer.fileName(e));
            Files.writeString(script, renderer.render(e, spec), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            scripts.put(e, script);
        }
    }

    static String payload(String sessionId) {
        return "{\"session_id\":\"" + sessionId + "\",\"transcript_path\":\"/tmp/x.jsonl\",\"cwd\":\"/tmp\","
                + "\"hook_event_name\":\"Stop\",\"stop_hook_active\":false,"
                + "\"last_assistant_message\":\"Done. \\\"session_id\\\":\\\"ffffffff-ffff-ffff-ffff-ffffffffffff\\\"\"}";
    }

    Path script(HookEvent e) {
        return scripts.get(e);
    }

    /** Runs the script for {@code event} with {@code payload} on stdin; {@code now} null means the real clock. */
    Run run(HookEvent event, String payload, Long now) throws IOException, InterruptedException {
        return exec(List.of("/bin/sh", script(event).toString()), payload, now, Map.of());
    }

    /** Runs the trailer's entry point for {@code key} at {@code now}. */
    Run close(String key, long now) throws IOException, InterruptedException {
        return exec(List.of("/bin/sh", script(HookEvent.STOP).toString(), "--close-window", key), "", now, Map.of());
    }

    Run exec(List<String> command, String payload, Long now, Map<String, String> env)
            throws IOException, InterruptedException {
        Path in = Files.createTempFile(root, "stdin", ".json");
        Files.writeString(in, payload, StandardCharsets.UTF_8);
        Path out = root.resolve("stdout.txt");
        Path err = root.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("CCT_NOW");
        if (now != null) {
            pb.environment().put("CCT_NOW", Long.toString(now));
        }
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("script did not return");
        }
        long nanos = System.nanoTime() - t0;
        Files.delete(in);
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err), nanos);
    }

    Path spoolDir() {
        return home.resolve("spool");
    }

    Path gate(String key) {
        return home.resolve("state/debounce").resolve(key);
    }

    List<Path> spoolFiles() throws IOException {
        if (!Files.isDirectory(spoolDir())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(spoolDir())) {
            return s.sorted().toList();
        }
    }

    List<String> javaCalls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    /** Waits until the stub java has been called {@code n} times (the worker is detached), or fails. */
    List<String> awaitJavaCalls(int n, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<String> c = javaCalls();
            if (c.size() >= n) {
                return c;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("expected " + n + " java calls, got " + javaCalls());
    }

    List<Path> newSpoolFiles(List<Path> before) throws IOException {
        List<Path> now = new ArrayList<>(spoolFiles());
        now.removeAll(before);
        return now;
    }
}
