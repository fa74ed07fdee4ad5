package dev.cctelemetry.cli;

import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.core.port.out.HookStatusStore;
import dev.cctelemetry.hooks.settings.EditMode;
import dev.cctelemetry.hooks.settings.HookRegistration;
import dev.cctelemetry.hooks.settings.SettingsFileEditor;
import dev.cctelemetry.hooks.worker.FileHookStatusStore;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * A cc-telemetry installation in a temp folder, built the way the real one looks (hook scripts with the java
 * and jar baked in, settings registering them, a config, a synced ledger, a hook status), so tests can break
 * one part at a time and run commands in-process.
 */
final class Installation {

    static final String S1 = "11111111-1111-4111-8111-111111111111";
    static final String SONNET = "claude-sonnet-4-20250514";
    static final String HOST = "test-host";

    final Path root;
    final Path user;
    final Path claude;
    final InstallLayout layout;
    final Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    final Map<String, String> env = new HashMap<>();

    Installation(Path root) {
        this.root = root;
        this.user = root.resolve("user");
        this.claude = root.resolve("claude");
        this.layout = new InstallLayout(root.resolve("telemetry"));
        env.put("CLAUDE_CONFIG_DIR", claude.toString());
        env.put("CC_TELEMETRY_HOME", layout.home().toString());
        env.put("HOSTNAME", HOST);
    }

    /** Everything in place and working. */
    static Installation healthy(Path root) throws Exception {
        Installation i = new Installation(root);
        i.transcript();
        i.scripts();
        i.settings();
        Result sync = i.run("sync");
        if (sync.code() != 0) {
            throw new AssertionError("sync failed: " + sync);
        }
        i.hookOutcome(true, Duration.ofMinutes(12));
        return i;
    }

    Path transcriptFile() {
        return claude.resolve("projects/-home-user-projA/" + S1 + ".jsonl");
    }

    void transcript() throws Exception {
        TranscriptBuilder.session(S1).user("hi")
                .assistant("msg_A", "req_A", SONNET, "2025-08-01T10:00:01.000Z", 100, 50, 1000, 2000, "end_turn")
                .raw("{\"type\":\"system\",\"subtype\":\"stop_hook_summary\",\"hookCount\":1,\"hookInfos\":[{"
                        + "\"command\":\"'" + stopScript() + "'\",\"durationMs\":84}],\"version\":\"2.1.300\","
                        + "\"sessionId\":\"" + S1 + "\"}")
                .writeTo(transcriptFile());
    }

    Path stopScript() {
        return layout.hooksDir().resolve("cc-telemetry-stop.sh");
    }

    Path sessionEndScript() {
        return layout.hooksDir().resolve("cc-telemetry-session-end.sh");
    }

    Path jar() {
        return layout.libDir().resolve("cc-telemetry-0.1.0-abc123.jar");
    }

    void scripts() throws Exception {
        Files.createDirectories(layout.libDir());
        Files.write(jar(), new byte[] {'P', 'K'});
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (Path s : new Path[] {stopScript(), sessionEndScript()}) {
            Files.createDirectories(s.getParent());
            Files.writeString(s, "#!/bin/sh\nCCT_EVENT=stop\nCCT_JAVA='" + java + "'\nCCT_JAR='" + jar()
                    + "'\nCCT_HOME='" + layout.home() + "'\nexit 0\n");
            Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        }
    }

    Path settingsFile() {
        return claude.resolve("settings.json");
    }

    void settings() {
        new SettingsFileEditor(clock).install(settingsFile(),
                new HookRegistration("'" + stopScript() + "'", "'" + sessionEndScript() + "'"), EditMode.APPLY);
    }

    void hookOutcome(boolean ok, Duration ago) {
        FileHookStatusStore store = new FileHookStatusStore(layout.stateDir());
        Instant at = now.minus(ago);
        store.recordFired(new HookStatusStore.Fired(at.minusSeconds(2), "session-end", S1));
        store.recordOutcome(new HookStatusStore.Outcome(at, "session-end", S1, ok, ok ? "" : "ledger is locked",
                ok ? 1 : 0, 0, Duration.ofMillis(420)));
    }

    /** What one in-process run printed. */
    record Result(int code, String out, String err) {
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream previous = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = Main.run(args, new TelemetryEnvironment(env, user, root), clock, new PrintWriter(out, true),
                    new PrintWriter(err, true));
            return new Result(code, out.toString(), err.toString());
        } finally {
            System.setIn(previous);
        }
    }
}
