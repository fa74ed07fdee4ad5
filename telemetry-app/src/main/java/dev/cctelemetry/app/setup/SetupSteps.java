package dev.cctelemetry.app.setup;

import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.hooks.HookInstallation;
import dev.cctelemetry.app.hooks.HookInstallation.ExistingStatusline;
import dev.cctelemetry.app.hooks.InstalledJar;
import dev.cctelemetry.app.hooks.McpRegistration;
import dev.cctelemetry.app.service.ServiceSupport;
import dev.cctelemetry.hooks.settings.SettingsScope;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.config.HostName;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.roots.ClaudeRoots;
import dev.cctelemetry.app.sync.Syncs;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncSummary;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * The steps of {@code setup} once the answers are known: the config, the hooks, the status line (user scope), the
 * MCP server and the service, each running the same code as {@code setup-hooks [--statusline] [--mcp]} and
 * {@code install-service}; then a first sync.
 */
public final class SetupSteps {

    private final TelemetryEnvironment env;
    private final Configs configs;
    private final HookInstallation hooks;
    private final InstalledJar installedJar;
    private final McpRegistration mcp;
    private final ServiceSupport service;
    private final ClaudeRoots roots;
    private final Ledgers ledgers;
    private final Syncs syncs;

    @Inject
    SetupSteps(TelemetryEnvironment env, Configs configs, HookInstallation hooks, InstalledJar installedJar,
            McpRegistration mcp, ServiceSupport service, ClaudeRoots roots, Ledgers ledgers, Syncs syncs) {
        this.env = env;
        this.configs = configs;
        this.hooks = hooks;
        this.installedJar = installedJar;
        this.mcp = mcp;
        this.service = service;
        this.roots = roots;
        this.ledgers = ledgers;
        this.syncs = syncs;
    }

    /**
     * The steps, in order: the config, the hooks, the status line, the MCP server and the service. Each step after
     * the config installs the jar under {@code lib/} as its own command does, so the copy is made (and said) once,
     * by the first.
     */
    public List<SetupStep> steps() {
        return List.of(new ConfigStep(configs.store(), HostName.of(env.env())), new HooksStep(), new StatuslineStep(),
                new McpStep(), new ServiceStep());
    }

    /**
     * The statusLine of the user's own in the user settings file, which the wizard asks about before
     * {@link #steps} set ours (see {@link HookInstallation#usersStatusline}); empty when there is none or it is
     * ours.
     */
    public Optional<String> usersStatusline() {
        return hooks.usersStatusline(hooks.settingsFile(SettingsScope.USER));
    }

    /** The first sync after setup: every transcript under the environment's roots. */
    public SyncSummary firstSync(SyncProgress progress) throws IOException, InterruptedException {
        try (Ledger ledger = ledgers.open()) {
            return syncs.over(ledger).sync(new SyncRequest(roots.resolve(List.of()), false, f -> true), progress);
        }
    }

    /** {@code setup-hooks} in the user scope. */
    private final class HooksStep implements SetupStep {
        @Override
        public String title() {
            return "Install the hooks";
        }

        @Override
        public String subject() {
            return "Hooks";
        }

        @Override
        public boolean wanted(SetupAnswers answers) {
            return answers.installHooks();
        }

        @Override
        public String declined() {
            // A re-run that answers no leaves what an earlier setup installed: say so rather than "not installed".
            return hooks.installedScripts().isEmpty() ? "not installed (cc-telemetry setup-hooks installs them)"
                    : "left as they were: installed (cc-telemetry remove-hooks removes them)";
        }

        @Override
        public Outcome apply(SetupAnswers answers, PrintWriter out) throws Exception {
            if (!hooks.runningFromJar()) {
                return fromClasses(this, "the hooks need", "setup-hooks", out);
            }
            hooks.install(hooks.settingsFile(SettingsScope.USER), HookInstallation.DEFAULT_STOP_WINDOW_SECONDS,
                    false, out);
            return Outcome.done("installed: a sync when a Claude Code session stops or ends");
        }
    }

    /** {@code setup-hooks --statusline [--existing-statusline chain|leave]} in the user scope. */
    private final class StatuslineStep implements SetupStep {
        @Override
        public String title() {
            return "Set the status line";
        }

        @Override
        public String subject() {
            return "Status line";
        }

        @Override
        public boolean wanted(SetupAnswers answers) {
            return answers.statusline();
        }

        @Override
        public String declined() {
            return hooks.statuslineIsOurs(hooks.settingsFile(SettingsScope.USER))
                    ? "left as it was: cc-telemetry's (cc-telemetry remove-hooks removes it)"
                    : "not set (cc-telemetry setup-hooks --statusline sets it)";
        }

        @Override
        public Outcome apply(SetupAnswers answers, PrintWriter out) throws Exception {
            if (!hooks.runningFromJar()) {
                return fromClasses(this, "the status line needs", "setup-hooks --statusline", out);
            }
            // Its script calls the jar under lib/, which the hooks step installs only when the hooks were chosen.
            installedJar.install();
            hooks.installStatusline(hooks.settingsFile(SettingsScope.USER), answers.existingStatusline(), false,
                    out);
            return Outcome.done(answers.existingStatusline().map(e -> e == ExistingStatusline.CHAIN
                    ? "cc-telemetry's (cost, plan limits), shown after yours"
                    : "yours, left as it was; cc-telemetry's is not set")
                    .orElse("cc-telemetry's (cost, plan limits)"));
        }
    }

    /** {@code setup-hooks --mcp}. */
    private final class McpStep implements SetupStep {
        @Override
        public String title() {
            return "Register the MCP server";
        }

        @Override
        public String subject() {
            return "MCP server";
        }

        @Override
        public boolean wanted(SetupAnswers answers) {
            return answers.registerMcp();
        }

        @Override
        public String declined() {
            return mcp.isRegistered() ? "left as it was: registered (cc-telemetry remove-hooks --mcp removes it)"
                    : "not registered (cc-telemetry setup-hooks --mcp registers it)";
        }

        @Override
        public Outcome apply(SetupAnswers answers, PrintWriter out) throws Exception {
            if (!hooks.runningFromJar()) {
                return fromClasses(this, "the MCP server needs", "setup-hooks --mcp", out);
            }
            mcp.install(false, out);
            return Outcome.done("registered for Claude Code in " + mcp.stateFile());
        }
    }

    /** Whether our MCP server is registered already: the wizard's default on a re-run. */
    public boolean mcpRegistered() {
        return mcp.isRegistered();
    }

    /** What a step that points Claude Code at the installed jar says when setup runs from classes. */
    private static SetupStep.Outcome fromClasses(SetupStep step, String whatNeeds, String command,
            PrintWriter out) {
        // Claude Code runs the installed jar; from classes there is none to point it at.
        out.println("  " + step.title() + ": skipped, " + whatNeeds + " setup to run from the cc-telemetry jar"
                + " (java -jar cc-telemetry.jar " + command + ")");
        return SetupStep.Outcome.unavailable("skipped: setup did not run from the cc-telemetry jar");
    }

    /** {@code install-service}. */
    private final class ServiceStep implements SetupStep {
        @Override
        public String title() {
            return "Install the service";
        }

        @Override
        public String subject() {
            return "Service";
        }

        @Override
        public boolean wanted(SetupAnswers answers) {
            return answers.installService();
        }

        @Override
        public String declined() {
            return "not installed (cc-telemetry install-service installs it)";
        }

        @Override
        public Outcome apply(SetupAnswers answers, PrintWriter out) throws Exception {
            service.install(out, out);
            return Outcome.done("installed: a sync pass in the background");
        }
    }
}
