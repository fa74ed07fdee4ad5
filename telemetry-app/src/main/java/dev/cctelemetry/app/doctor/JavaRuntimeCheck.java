package dev.cctelemetry.app.doctor;

import dev.cctelemetry.core.port.out.HookEvent;
import dev.cctelemetry.app.layout.InstallLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The java and jar baked into the installed hook scripts still exist, and that java runs. */
public final class JavaRuntimeCheck implements DoctorCheck {

    static final String NAME = "Java runtime and jar";
    private static final Duration JAVA_TIMEOUT = Duration.ofSeconds(20);

    private final InstallLayout layout;
    private final CommandRunner runner;
    private final boolean hooksDeclined;

    /**
     * A check of the scripts under {@code layout}, running java through {@code runner}.
     *
     * @param hooksDeclined the user declined the hooks in setup: no scripts is then nothing to check, and not
     *     a second warning about the hooks
     */
    public JavaRuntimeCheck(InstallLayout layout, CommandRunner runner, boolean hooksDeclined) {
        this.layout = layout;
        this.runner = runner;
        this.hooksDeclined = hooksDeclined;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() throws Exception {
        List<Path> scripts = new ArrayList<>();
        for (HookEvent event : HookEvent.values()) {
            Path s = layout.hookScript(event.scriptName());
            if (Files.exists(s)) {
                scripts.add(s);
            }
        }
        if (scripts.isEmpty()) {
            return hooksDeclined ? CheckResult.ok(NAME, "no hook scripts to check (hooks declined in setup)")
                    : CheckResult.warn(NAME, "no hook scripts installed in " + layout.hooksDir(),
                            "cc-telemetry setup-hooks");
        }
        Set<HookScriptValues> values = new LinkedHashSet<>();
        for (Path s : scripts) {
            Optional<HookScriptValues> v = HookScriptValues.read(s);
            if (v.isEmpty()) {
                return CheckResult.fail(NAME, "cannot find the java and jar paths in " + s,
                        "cc-telemetry setup-hooks (rewrites the scripts)");
            }
            values.add(v.get());
        }
        String version = "";
        for (HookScriptValues v : values) {
            if (!Files.isRegularFile(v.jar()) || !Files.isReadable(v.jar())) {
                return CheckResult.fail(NAME, "the hooks' jar " + v.jar() + " is missing or unreadable",
                        "cc-telemetry setup-hooks (installs the jar into " + layout.libDir() + ")");
            }
            if (!Files.isRegularFile(v.java()) || !Files.isExecutable(v.java())) {
                return CheckResult.fail(NAME, "the hooks' java " + v.java() + " is missing",
                        "cc-telemetry setup-hooks, run with the java the hooks should use");
            }
            Optional<CommandRunner.Output> out = runner.run(List.of(v.java().toString(), "-version"), JAVA_TIMEOUT);
            if (out.isEmpty() || out.get().exitCode() != 0) {
                return CheckResult.fail(NAME, "the hooks' java " + v.java() + " does not run"
                                + out.map(o -> ": " + firstLine(o.text())).orElse(""),
                        "cc-telemetry setup-hooks, run with a working Java 17+");
            }
            version = javaVersion(out.get().text());
        }
        HookScriptValues first = values.iterator().next();
        return CheckResult.ok(NAME, "java " + version + " (" + first.java() + "), jar " + first.jar());
    }

    /** The quoted version in {@code java -version}'s first line, e.g. {@code 21.0.2}. */
    static String javaVersion(String text) {
        String line = firstLine(text);
        int q = line.indexOf('"');
        int e = q < 0 ? -1 : line.indexOf('"', q + 1);
        return e > q ? line.substring(q + 1, e) : line;
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
