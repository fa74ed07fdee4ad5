package dev.cctelemetry.cli;

import com.google.inject.AbstractModule;
import dev.cctelemetry.cli.hook.HookSyncLog;
import java.util.List;

/**
 * The CLI's own bindings: its commands, each built by constructor injection from the application layer's use
 * cases (the injector is strict: only bound classes are built), and the hook worker's log. Fast and free of side
 * effects: nothing is opened here.
 */
final class CliModule extends AbstractModule {

    /** The commands built through the injector (the others have no dependencies; picocli builds them). */
    static final List<Class<?>> INJECTED_COMMANDS = List.of(SetupCommand.class, SyncCommand.class,
            ReportCommand.class, ExportCommand.class, PushCommand.class, ConfigCommand.SetStore.class,
            SetupHooksCommand.class, RemoveHooksCommand.class, HookRunCommand.class, DoctorCommand.class,
            StatusCommand.class, DaemonCommand.class, InstallServiceCommand.class, UninstallServiceCommand.class,
            ServiceStatusCommand.class, RepairCommand.class, UninstallCommand.class);

    private final HookSyncLog hookLog;

    /** The module; {@code hookLog} is {@link HookSyncLog#disabled()} for every command but {@code hook-run}. */
    CliModule(HookSyncLog hookLog) {
        this.hookLog = hookLog;
    }

    @Override
    protected void configure() {
        bind(HookSyncLog.class).toInstance(hookLog);
        for (Class<?> command : INJECTED_COMMANDS) {
            bind(command);
        }
    }
}
