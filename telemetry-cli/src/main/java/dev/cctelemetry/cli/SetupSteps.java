package dev.cctelemetry.cli;

import dev.cctelemetry.cli.setup.SetupAnswers;
import dev.cctelemetry.cli.setup.SetupStep;
import dev.cctelemetry.hooks.settings.ClaudeSettingsLocator;
import dev.cctelemetry.hooks.settings.SettingsScope;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;

/**
 * The install steps of {@code setup} after the config: the jar, the hooks (user scope) and the service, each
 * running the same code as {@code setup-hooks} and {@code install-service}.
 */
final class SetupSteps {

    private final TelemetryEnvironment env;
    private final HookInstallation hooks;
    private final ServiceSupport service;

    @Inject
    SetupSteps(TelemetryEnvironment env, HookInstallation hooks, ServiceSupport service) {
        this.env = env;
        this.hooks = hooks;
        this.service = service;
    }

    /** The jar, hooks and service steps, in that order. */
    List<SetupStep> installSteps() {
        return List.of(new JarStep(), new HooksStep(), new ServiceStep());
    }

    /** Copies the running jar into {@code lib/} so the hooks and the service outlive the download. */
    private final class JarStep implements SetupStep {
        @Override
        public String title() {
            return "Install the jar";
        }

        @Override
        public boolean wanted(SetupAnswers answers) {
            return answers.installHooks() || answers.installService();
        }

        @Override
        public Outcome apply(SetupAnswers answers, PrintWriter out) throws Exception {
            if (!hooks.runningFromJar()) {
                out.println("  " + title() + ": skipped, setup is not running from the cc-telemetry jar"
                        + " (java -jar cc-telemetry.jar setup)");
                return Outcome.UNAVAILABLE;
            }
            hooks.installJar(out);
            return Outcome.DONE;
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
