package dev.cctelemetry.cli;

import dev.cctelemetry.app.TelemetryEnvironment;
import com.google.inject.Module;
import dev.cctelemetry.app.hooks.RunningJar;
import dev.cctelemetry.app.platform.Platform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Runs commands in this JVM against temp homes, with a given "running jar" (tests do not run from a jar). */
final class CliHarness {

    /** What one command printed and returned. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    final Path userHome;
    final Path telemetryHome;
    final Path workDir;
    Optional<Path> runningJar = Optional.empty();
    Platform platform = Platform.LINUX;
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    /** Variables the commands see besides {@code CC_TELEMETRY_HOME} (such as {@code COLUMNS}). */
    final Map<String, String> env = new HashMap<>();

    CliHarness(Path tmp) {
        this.userHome = tmp.resolve("home dir 'q'");
        this.telemetryHome = tmp.resolve("telemetry");
        this.workDir = tmp.resolve("project");
    }

    TelemetryEnvironment environment() {
        Map<String, String> all = new HashMap<>(env);
        all.put("CC_TELEMETRY_HOME", telemetryHome.toString());
        return new TelemetryEnvironment(all, userHome, workDir);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Module jar = b -> b.bind(RunningJar.class).toInstance(() -> runningJar);
        int code = Main.run(args, environment(), clock, new PrintWriter(out, true), new PrintWriter(err, true),
                platform, jar);
        return new Result(code, out.toString(), err.toString());
    }

    /** Writes one session with one assistant record under the user's {@code ~/.claude} (not synced yet). */
    void oneRecordSession(String sessionId) throws java.io.IOException {
        dev.cctelemetry.testing.TranscriptBuilder.session(sessionId)
                .assistant("msg_1", "req_1", "claude-sonnet-4-20250514", "2026-01-01T10:00:00.000Z", 1, 2, 3, 4,
                        "end_turn")
                .writeTo(userHome.resolve(".claude/projects/-work-p/" + sessionId + ".jsonl"));
    }
}
