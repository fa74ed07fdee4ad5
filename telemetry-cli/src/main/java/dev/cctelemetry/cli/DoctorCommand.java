package dev.cctelemetry.cli;

import dev.cctelemetry.cli.doctor.ClaudeCodeCheck;
import dev.cctelemetry.cli.doctor.CommandRunner;
import dev.cctelemetry.cli.doctor.ConfigCheck;
import dev.cctelemetry.cli.doctor.DaemonCheck;
import dev.cctelemetry.cli.doctor.Doctor;
import dev.cctelemetry.cli.doctor.DoctorCheck;
import dev.cctelemetry.cli.doctor.DoctorReport;
import dev.cctelemetry.cli.doctor.ExecutableFinder;
import dev.cctelemetry.cli.doctor.HookSyncCheck;
import dev.cctelemetry.cli.doctor.HooksConfiguredCheck;
import dev.cctelemetry.cli.doctor.JavaRuntimeCheck;
import dev.cctelemetry.cli.doctor.LagCheck;
import dev.cctelemetry.cli.doctor.LedgerCheck;
import dev.cctelemetry.cli.doctor.LogsCheck;
import dev.cctelemetry.cli.doctor.MachineIdentityCheck;
import dev.cctelemetry.cli.doctor.PostgresStoreProbe;
import dev.cctelemetry.cli.doctor.ProcessCommandRunner;
import dev.cctelemetry.cli.doctor.RemoteStoreCheck;
import dev.cctelemetry.cli.doctor.TranscriptsCheck;
import dev.cctelemetry.cli.state.InstallLayout;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.ClaudeRootResolver;
import dev.cctelemetry.hooks.settings.ClaudeSettingsLocator;
import dev.cctelemetry.hooks.settings.SettingsFileEditor;
import dev.cctelemetry.hooks.worker.FileHookStatusStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cc-telemetry doctor}: one line per check, with the fix for each problem; exit 3 when something is ✗. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check that usage really flows: runtime, config, hooks, ledger, store, logs, lag."
                + " Exit 0 when nothing is broken (✗), 3 otherwise.")
public final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final LocalServices services;
    private final Clock clock;

    /** A doctor command. */
    @Inject
    public DoctorCommand(LocalServices services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        DoctorReport report = examine(services, clock, new ProcessCommandRunner());
        spec.commandLine().getOut().print(json ? report.renderJson() + System.lineSeparator() : report.renderText());
        spec.commandLine().getOut().flush();
        return report.exitCode();
    }

    /** Runs every check against the installation {@code services} describe (also the end of {@code setup}). */
    static DoctorReport examine(LocalServices services, Clock clock, CommandRunner runner) {
        return new Doctor(checks(services, clock, runner)).examine();
    }

    static List<DoctorCheck> checks(LocalServices services, Clock clock, CommandRunner runner) {
        TelemetryEnvironment env = services.environment();
        InstallLayout layout = new InstallLayout(env.telemetryHome());
        List<ClaudeRoot> roots = new ClaudeRootResolver(env.env(), env.userHome()).resolve(List.of()).roots();
        String priceVersion = services.prices().version();
        return List.of(
                new JavaRuntimeCheck(layout, runner),
                new ConfigCheck(layout.config()),
                new MachineIdentityCheck(layout.config(), Main.hostName(env.env())),
                new TranscriptsCheck(roots),
                new HooksConfiguredCheck(new ClaudeSettingsLocator(env.env(), env.userHome(), env.workingDir()),
                        new SettingsFileEditor(clock), layout),
                new HookSyncCheck(new FileHookStatusStore(layout.stateDir()), layout, clock),
                new DaemonCheck(layout, clock),
                new LedgerCheck(layout, priceVersion, clock),
                new RemoteStoreCheck(layout, new PostgresStoreProbe(env.env()), clock),
                new LogsCheck(layout),
                new LagCheck(layout, roots, priceVersion),
                new ClaudeCodeCheck(new ExecutableFinder(env.env()), runner, roots,
                        ClaudeCodeCheck.managedSettingsFiles(System.getProperty("os.name", ""))));
    }
}
