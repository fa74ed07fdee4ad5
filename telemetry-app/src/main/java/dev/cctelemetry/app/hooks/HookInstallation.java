package dev.cctelemetry.app.hooks;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.ProcessContext;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.core.port.out.HookEvent;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.HookScriptSpec;
import dev.cctelemetry.hooks.settings.ClaudeSettingsException;
import dev.cctelemetry.hooks.settings.ClaudeSettingsLocator;
import dev.cctelemetry.hooks.settings.EditMode;
import dev.cctelemetry.hooks.settings.SettingsEditResult;
import dev.cctelemetry.hooks.settings.SettingsFileEditor;
import dev.cctelemetry.hooks.settings.SettingsScope;
import dev.cctelemetry.hooks.settings.StatusLineSettings;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cctelemetry.core.io.AtomicFile;
import dev.cctelemetry.core.io.PrivateFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Installs and removes the hooks: the versioned jar under {@code <home>/lib}, the hook scripts under
 * {@code <home>/hooks} and their registration in a Claude Code settings file. What {@code setup-hooks},
 * {@code remove-hooks}, {@code setup} and {@code uninstall} run.
 */
public final class HookInstallation {

    /** The Stop debounce window {@code setup} uses (the default of {@code setup-hooks --stop-window}). */
    public static final int DEFAULT_STOP_WINDOW_SECONDS = 120;

    private final ProcessContext context;
    private final TelemetryEnvironment env;
    private final HookScriptRenderer renderer;
    private final Platform platform;
    private final RunningJar runningJar;
    private final Clock clock;

    @Inject
    HookInstallation(ProcessContext context, TelemetryEnvironment env, HookScriptRenderer renderer, Platform platform,
            RunningJar runningJar, Clock clock) {
        this.context = context;
        this.env = env;
        this.renderer = renderer;
        this.platform = platform;
        this.runningJar = runningJar;
        this.clock = clock;
    }

    /**
     * The Claude Code settings file of {@code scope} in this environment.
     *
     * @throws AppException when it cannot be located (e.g. a comma-separated {@code CLAUDE_CONFIG_DIR})
     */
    public Path settingsFile(SettingsScope scope) {
        try {
            return new ClaudeSettingsLocator(env.env(), env.userHome(), env.workingDir()).locate(scope);
        } catch (ClaudeSettingsException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }

    /** Whether this process runs from a jar that can be installed (the hooks and the service call it). */
    public boolean runningFromJar() {
        return runningJar.find().isPresent();
    }

    /**
     * Installs the jar, writes the scripts and registers them in {@code settings} (or, with {@code dryRun}, prints
     * what would change). The settings are parsed (and refused) before anything else is touched.
     *
     * @throws AppException when not running from the jar or the settings file is refused
     */
    public void install(Path settings, int stopWindowSeconds, boolean dryRun, PrintWriter out) throws IOException {
        Path jar = runningJar.find().orElseThrow(() -> AppException.failure(
                "setup-hooks must run from the cc-telemetry jar (java -jar cc-telemetry.jar setup-hooks):"
                        + " the hooks call the installed jar", null));
        Path home = env.telemetryHome();
        JarInstaller installer = new JarInstaller();
        JarInstaller.Plan plan = installer.plan(jar, env.layout().libDir(), context.version());
        HookScripts scripts = new HookScripts(renderer, home);
        HookScriptSpec scriptSpec = new HookScriptSpec(JavaExecutable.forHooks(platform == Platform.WINDOWS),
                plan.target(), home, stopWindowSeconds, HookScriptSpec.DEFAULT_MAX_STDIN_BYTES);
        SettingsFileEditor editor = new SettingsFileEditor(clock);

        SettingsEditResult preview = edit(() -> editor.install(settings, scripts.registration(), EditMode.DRY_RUN));
        if (dryRun) {
            out.println("Dry run: nothing was written.");
            out.println(plan.alreadyInstalled() ? "Jar:      " + plan.target() + " (already installed)"
                    : "Jar:      would install " + plan.target());
            for (Path p : scripts.outdated(scriptSpec)) {
                out.println("Script:   would write " + p);
            }
            printSettings(out, preview, true);
            return;
        }
        boolean copied = installer.install(plan);
        boolean creating = !java.nio.file.Files.exists(settings);
        WorkerClassArchive.Outcome archive = workerArchive(plan.target(), scriptSpec.javaExecutable());
        List<Path> written = scripts.write(scriptSpec);
        SettingsEditResult result = edit(() -> editor.install(settings, scripts.registration(), EditMode.APPLY));
        if (creating && result.changed()) {
            // Ours to delete on a purge once it holds nothing else; a file the user had never is (issue 19.10).
            new CreatedSettingsFiles(env.layout().createdSettings()).add(settings);
        }
        out.println("Jar:      " + plan.target() + (copied ? " (installed)" : " (already installed)"));
        out.println("Archive:  " + WorkerClassArchive.of(plan.target()) + switch (archive) {
            case MADE -> " (made: hook workers start in about half the time)";
            case PRESENT -> " (already made)";
            case NOT_MADE -> " (could not be made: hook workers start without it, a little slower)";
        });
        for (HookEvent e : HookEvent.values()) {
            Path p = scripts.script(e);
            out.println("Script:   " + p + (written.contains(p) ? " (written)" : " (unchanged)"));
        }
        printSettings(out, result, false);
    }

    /** What to do with a statusLine of the user's own that is already set. */
    public enum ExistingStatusline {
        /** Ours takes its place, runs theirs first with the same payload and prints its output above ours. */
        CHAIN,
        /** Theirs stays as it is; ours is not set. */
        LEAVE;

        /** The choice named {@code chain} or {@code leave} (any case); empty for anything else. */
        public static Optional<ExistingStatusline> named(String name) {
            return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "chain" -> Optional.of(CHAIN);
                case "leave" -> Optional.of(LEAVE);
                default -> Optional.empty();
            };
        }

        /**
         * The value of an {@code --existing-statusline} flag.
         *
         * @throws AppException (usage) for anything but chain or leave
         */
        public static ExistingStatusline ofFlag(String value) {
            return named(value).orElseThrow(() -> AppException.usage("--existing-statusline '" + value
                    + "': use chain or leave"));
        }

        /** The refusal when a statusLine of the user's is set and no choice was given ({@code theirs} names it). */
        public static AppException choiceMissing(String theirs) {
            return AppException.usage("Claude Code already runs a statusLine of yours (" + theirs + "): add"
                    + " --existing-statusline chain (ours runs yours first and shows its output above ours) or"
                    + " --existing-statusline leave (yours stays as it is, ours is not set)");
        }
    }

    /**
     * Sets our statusLine in {@code settings} (after {@link #install}, which installed the jar): writes
     * {@code hooks/cc-telemetry-statusline.sh} and points {@code statusLine} at it. A statusLine of the user's is
     * never replaced silently: without {@code existing} the command is refused naming the choice; with
     * {@link ExistingStatusline#CHAIN} it is kept in {@code state/} to run first and to put back on removal.
     *
     * @throws AppException when the choice is missing or the settings file is refused
     */
    public void installStatusline(Path settings, Optional<ExistingStatusline> existing, boolean dryRun,
            PrintWriter out) throws IOException {
        Path jar = runningJar.find().orElseThrow(() -> AppException.failure(
                "setup-hooks --statusline must run from the cc-telemetry jar", null));
        Path home = env.telemetryHome();
        JarInstaller.Plan plan = new JarInstaller().plan(jar, env.layout().libDir(), context.version());
        HookScriptSpec spec = HookScriptSpec.withDefaults(JavaExecutable.forHooks(platform == Platform.WINDOWS),
                plan.target(), home);
        String text = renderer.renderStatusline(spec);
        SettingsFileEditor editor = new SettingsFileEditor(clock);
        Optional<JsonNode> current = theirs(settings);
        boolean theirs = current.isPresent();
        if (theirs && existing.isEmpty()) {
            throw ExistingStatusline.choiceMissing(describe(current.get()));
        }
        if (theirs && existing.get() == ExistingStatusline.LEAVE) {
            out.println("Statusline: yours stays as it is; ours is not set ('cc-telemetry statusline' prints our"
                    + " line if you want to call it from yours)");
            return;
        }
        Path script = env.layout().hooksDir().resolve(renderer.statuslineFileName());
        String command = renderer.statuslineCommand(script);
        if (dryRun) {
            out.println("Script:   would write " + script);
            printSettings(out, edit(() -> editor.installStatusLine(settings, command, EditMode.DRY_RUN)), true);
            return;
        }
        AtomicFile.write(script, text.getBytes(StandardCharsets.UTF_8), Optional.of(PrivateFiles.FOLDER_MODE));
        if (theirs) {
            AtomicFile.write(env.layout().statuslinePrevious(),
                    current.get().toString().getBytes(StandardCharsets.UTF_8));
            Optional<String> chained = StatusLineSettings.command(current.get());
            if (chained.isPresent()) {
                AtomicFile.write(env.layout().statuslineChain(), chained.get().getBytes(StandardCharsets.UTF_8));
            }
            out.println("Statusline: yours runs first and its output shows above ours"
                    + (chained.isPresent() ? "" : " (it is not a command: only ours shows)"));
        }
        out.println("Script:   " + script + " (written)");
        printSettings(out, edit(() -> editor.installStatusLine(settings, command, EditMode.APPLY)), false);
    }

    /**
     * The statusLine of the user's own set in {@code settings} (its command, else its JSON), for asking what to do
     * with it before {@link #installStatusline}; empty when there is none or it is ours.
     *
     * @throws AppException when the settings file is refused (not JSON, not an object)
     */
    public Optional<String> usersStatusline(Path settings) {
        return theirs(settings).map(HookInstallation::describe);
    }

    /** Whether our statusLine is the one set in {@code settings} (false too when the file cannot be read). */
    public boolean statuslineIsOurs(Path settings) {
        try {
            return new SettingsFileEditor(clock).statusLine(settings).filter(StatusLineSettings::isOurs).isPresent();
        } catch (ClaudeSettingsException e) {
            return false;
        }
    }

    private Optional<JsonNode> theirs(Path settings) {
        try {
            return new SettingsFileEditor(clock).statusLine(settings).filter(s -> !StatusLineSettings.isOurs(s));
        } catch (ClaudeSettingsException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }

    private static String describe(JsonNode statusLine) {
        return StatusLineSettings.command(statusLine).orElse(statusLine.toString());
    }

    /**
     * Puts back the statusLine ours replaced (or removes ours when there was none) and deletes our statusLine
     * files; a statusLine the user changed since is left as it is. Part of {@link #remove}; {@code uninstall} runs
     * it for every settings file it cleans.
     */
    public void removeStatusline(Path settings, boolean dryRun, PrintWriter out) throws IOException {
        SettingsFileEditor editor = new SettingsFileEditor(clock);
        Optional<JsonNode> previous = Optional.empty();
        if (Files.exists(env.layout().statuslinePrevious())) {
            try {
                previous = Optional.ofNullable(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(env.layout().statuslinePrevious().toFile()));
            } catch (IOException e) {
                out.println("Warning:  " + env.layout().statuslinePrevious() + " is not readable JSON; your old"
                        + " statusLine cannot be put back");
            }
        }
        Optional<JsonNode> restored = previous;
        SettingsEditResult r = edit(() -> editor.restoreStatusLine(settings, restored,
                dryRun ? EditMode.DRY_RUN : EditMode.APPLY));
        if (!r.changed()) {
            return;
        }
        printSettings(out, r, dryRun);
        if (!dryRun) {
            Files.deleteIfExists(env.layout().hooksDir().resolve(renderer.statuslineFileName()));
            Files.deleteIfExists(env.layout().statuslineChain());
            Files.deleteIfExists(env.layout().statuslinePrevious());
        }
    }

    private static WorkerClassArchive.Outcome workerArchive(Path jar, Path java) {
        try {
            return new WorkerClassArchive().ensure(jar, java);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WorkerClassArchive.Outcome.NOT_MADE;
        }
    }

    /**
     * Unregisters our hooks from {@code settings} and deletes our scripts (or, with {@code dryRun}, prints what
     * would go). Other hooks, the ledger and {@code lib/} stay.
     *
     * @return whether the settings changed
     */
    public boolean remove(Path settings, boolean dryRun, PrintWriter out) throws IOException {
        SettingsFileEditor editor = new SettingsFileEditor(clock);
        HookScripts scripts = new HookScripts(renderer, env.telemetryHome());
        removeStatusline(settings, dryRun, out);
        SettingsEditResult r = edit(() -> editor.remove(settings, dryRun ? EditMode.DRY_RUN : EditMode.APPLY));
        if (dryRun) {
            out.println("Dry run: nothing was written.");
            for (Path p : scripts.installed()) {
                out.println("Script:   would delete " + p);
            }
            printSettings(out, r, true);
            return r.changed();
        }
        for (Path p : scripts.remove()) {
            out.println("Script:   " + p + " (deleted)");
        }
        printSettings(out, r, false);
        return r.changed();
    }

    /** Our installed hook scripts (this platform's names). */
    public List<Path> installedScripts() {
        return new HookScripts(renderer, env.telemetryHome()).installed();
    }

    private static void printSettings(PrintWriter out, SettingsEditResult r, boolean dryRun) {
        if (!r.changed()) {
            out.println("Settings: " + r.path() + " (already up to date)");
        } else if (dryRun) {
            out.println("Settings: " + r.path() + " would change:");
            out.print(r.diff().endsWith("\n") ? r.diff() : r.diff() + "\n");
        } else {
            out.println("Settings: " + r.path() + " (updated" + r.backup().map(b -> "; backup: " + b).orElse("")
                    + ")");
            out.print(r.diff().endsWith("\n") ? r.diff() : r.diff() + "\n");
        }
        for (String w : r.warnings()) {
            out.println("Warning:  " + w);
        }
    }

    private static SettingsEditResult edit(Supplier<SettingsEditResult> edit) {
        try {
            return edit.get();
        } catch (ClaudeSettingsException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }

}
