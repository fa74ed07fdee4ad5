package dev.cctelemetry.app.doctor;

import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.config.ConfigSnapshot;
import dev.cctelemetry.app.config.HostName;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.ledger.PriceTables;
import dev.cctelemetry.app.roots.ClaudeRoots;
import dev.cctelemetry.app.service.ServiceSupport;
import dev.cctelemetry.hooks.settings.ClaudeSettingsLocator;
import dev.cctelemetry.hooks.settings.SettingsFileEditor;
import dev.cctelemetry.hooks.worker.FileHookStatusStore;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import jakarta.inject.Inject;
import dev.cctelemetry.app.alert.Alerts;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** {@code doctor}: every check of this installation, in the order they are shown (also the end of {@code setup}). */
public final class DoctorChecks {

    private final TelemetryEnvironment env;
    private final ClaudeRoots claudeRoots;
    private final PriceTables prices;
    private final StoreProbe probe;
    private final ServiceSupport service;
    private final Alerts alerts;
    private final Clock clock;

    @Inject
    DoctorChecks(TelemetryEnvironment env, ClaudeRoots claudeRoots, PriceTables prices, StoreProbe probe,
            ServiceSupport service, Alerts alerts, Clock clock) {
        this.env = env;
        this.claudeRoots = claudeRoots;
        this.prices = prices;
        this.probe = probe;
        this.service = service;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Runs every check, external commands through the real {@link ProcessCommandRunner}. */
    public DoctorReport examine() {
        return examine(new ProcessCommandRunner());
    }

    /** Runs every check, external commands ({@code java -version}, {@code claude --version}) through {@code runner}. */
    public DoctorReport examine(CommandRunner runner) {
        return new Doctor(checks(runner)).examine();
    }

    private List<DoctorCheck> checks(CommandRunner runner) {
        InstallLayout layout = env.layout();
        List<ClaudeRoot> roots = claudeRoots.present(List.of());
        String priceVersion = prices.prices().version();
        boolean hooksDeclined = ConfigSnapshot.read(layout.config()).hooksDeclined();
        return List.of(
                new JavaRuntimeCheck(layout, runner, hooksDeclined),
                new ConfigCheck(layout.config()),
                new MachineIdentityCheck(layout.config(), HostName.of(env.env())),
                new TranscriptsCheck(roots),
                new HooksConfiguredCheck(new ClaudeSettingsLocator(env.env(), env.userHome(), env.workingDir()),
                        new SettingsFileEditor(clock), layout, hooksDeclined),
                new HookSyncCheck(new FileHookStatusStore(layout.stateDir()), layout, hooksDeclined, clock),
                new DaemonCheck(layout, service.installed(), clock),
                new LedgerCheck(layout, priceVersion, clock),
                new RemoteStoreCheck(layout, probe, clock),
                new AlertsCheck(alerts, ZoneId.systemDefault()),
                new LogsCheck(layout),
                new PrivateFilesCheck(layout),
                new LagCheck(layout, roots, priceVersion),
                new ClaudeCodeCheck(new ExecutableFinder(env.env()), runner, roots,
                        ClaudeCodeCheck.managedSettingsFiles(System.getProperty("os.name", ""))));
    }
}
