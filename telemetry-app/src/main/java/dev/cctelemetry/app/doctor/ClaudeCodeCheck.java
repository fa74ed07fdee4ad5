package dev.cctelemetry.app.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cctelemetry.app.state.JsonStatusFile;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.hooks.settings.HookRegistration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Claude Code itself: its version (before 2.1.74 SessionEnd hooks were killed after 1.5 s), whether a managed
 * policy allows only managed hooks, and how long our Stop hook took as Claude Code recorded it.
 */
public final class ClaudeCodeCheck implements DoctorCheck {

    static final String NAME = "Claude Code";

    private final ExecutableFinder finder;
    private final CommandRunner runner;
    private final List<ClaudeRoot> roots;
    private final List<Path> managedSettings;

    /**
     * @param finder finds {@code claude} on the PATH
     * @param runner runs {@code claude --version}
     * @param roots transcript roots, for the version fallback and the hook durations
     * @param managedSettings the managed-policy settings files of this platform
     */
    public ClaudeCodeCheck(ExecutableFinder finder, CommandRunner runner, List<ClaudeRoot> roots,
            List<Path> managedSettings) {
        this.finder = finder;
        this.runner = runner;
        this.roots = List.copyOf(roots);
        this.managedSettings = List.copyOf(managedSettings);
    }

    /** Where Claude Code reads managed-policy settings on this OS. */
    public static List<Path> managedSettingsFiles(String osName) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            return List.of(Path.of("C:\\ProgramData\\ClaudeCode\\managed-settings.json"));
        }
        if (os.startsWith("mac")) {
            return List.of(Path.of("/Library/Application Support/ClaudeCode/managed-settings.json"));
        }
        return List.of(Path.of("/etc/claude-code/managed-settings.json"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() throws InterruptedException {
        RecentTranscriptScan.Findings found = new RecentTranscriptScan().scan(roots,
                List.of(HookRegistration.STOP_MARKER, HookRegistration.SESSION_END_MARKER));
        Optional<ClaudeVersion> version = Optional.empty();
        String source = "";
        Optional<Path> claude = finder.find("claude");
        if (claude.isPresent()) {
            version = runner.run(List.of(claude.get().toString(), "--version"), Duration.ofSeconds(10))
                    .filter(o -> o.exitCode() == 0).flatMap(o -> ClaudeVersion.find(o.text()));
        }
        if (version.isEmpty()) {
            version = found.newestVersion();
            source = version.isPresent() ? " (from recent transcripts)" : "";
        }
        String durations = durations(found.hookDurationsMillis());
        for (Path m : managedSettings) {
            Optional<JsonNode> n = JsonStatusFile.read(m);
            if (n.isPresent() && n.get().path("allowManagedHooksOnly").asBoolean(false)) {
                return CheckResult.fail(NAME, "managed policy " + m + " sets \"allowManagedHooksOnly\": true,"
                        + " so our hooks never run", "ask your administrator to add cc-telemetry's hooks to " + m);
            }
        }
        if (version.isEmpty()) {
            return CheckResult.warn(NAME, "version unknown: claude is not on the PATH and no transcript names one"
                    + durations, "put claude on the PATH, or ignore if Claude Code runs elsewhere");
        }
        String summary = version.get() + source + durations;
        if (version.get().compareTo(ClaudeVersion.SESSION_END_TIMEOUT_HONOURED) < 0) {
            return CheckResult.warn(NAME, summary + "; before " + ClaudeVersion.SESSION_END_TIMEOUT_HONOURED
                            + " SessionEnd hooks are killed after 1.5 s, so the last turn may wait for the next sync",
                    "update Claude Code (claude update)");
        }
        return CheckResult.ok(NAME, summary);
    }

    /** ", Stop hook median 120 ms, max 340 ms over 12 runs", or "" when none recorded. */
    static String durations(List<Long> millis) {
        if (millis.isEmpty()) {
            return "";
        }
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        long median = sorted.get(sorted.size() / 2);
        long max = sorted.get(sorted.size() - 1);
        return ", our hook took median " + median + " ms, max " + max + " ms over " + sorted.size() + " run"
                + (sorted.size() == 1 ? "" : "s");
    }
}
