package dev.cctelemetry.app.setup;

import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.hooks.HookInstallation;
import dev.cctelemetry.app.service.ServiceSupport;
import dev.cctelemetry.hooks.settings.ClaudeSettingsLocator;
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

/**
 * The steps of {@code setup} once the answers are known: the config, the jar, the hooks (user scope) and the
 * service, each running the same code as {@code setup-hooks} and {@code install-service}; then a first sync.
 */
public final class SetupSteps {

    private final TelemetryEnvironment env;
    private final Configs configs;
    private final HookInstallation hooks;
    private final ServiceSupport service;
    private final ClaudeRoots roots;
    private final Ledgers ledgers;
    private final Syncs syncs;

    @Inject
    SetupSteps(TelemetryEnvironment env, Configs configs, HookInstallation hooks, ServiceSupport service,
            ClaudeRoots roots, Ledgers ledgers, Syncs syncs) {
        this.env = env;
        this.configs = configs;
        this.hooks = hooks;
        this.service = service;
        this.roots = roots;
        this.ledgers = ledgers;
        this.syncs = syncs;
    }

    /**
     * The steps, in order: the config, the hooks and the service. Each of the last two installs the jar under
     * {@code lib/} as its own command does, so the copy is made (and said) once, by the first.
     */
    public List<SetupStep> steps() {
        return List.of(new ConfigStep(configs.store(), HostName.of(env.env())), new HooksStep(), new ServiceStep());
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
        public boolean wanted(SetupAnswers answers) {
            return answers.installHooks();
        }

        @Override
        public Outcome apply(SetupAnswers answers, PrintWriter out) throws Exception {
            if (!hooks.runningFromJar()) {
                // The hook scripts call the installed jar; from classes there is none to point them at.
                out.println("  " + title() + ": skipped, the hooks need setup to run from the cc-telemetry jar"
                        + " (java -jar cc-telemetry.jar setup-hooks)");
                return Outcome.UNAVAILABLE;
            }
            hooks.install(new ClaudeSettingsLocator(env.env(), env.userHome(), env.workingDir())
                    .locate(SettingsScope.USER), HookInstallation.DEFAULT_STOP_WINDOW_SECONDS, false, out);
            return Outcome.DONE;
        }
    }

    /** {@code install-service}. */
    private final class ServiceStep implements SetupStep {
        @Override
        public String title() {
            return "Install the service";
        }

        @Override
        public boolean wanted(SetupAnswers answers) {
            return answers.installService();
        }

        @Override
        public Outcome apply(SetupAnswers answers, PrintWriter out) throws Exception {
            service.install(out, out);
            return Outcome.DONE;
        }
    }
}
