package dev.cctelemetry.cli;

import com.google.inject.AbstractModule;
import dev.cctelemetry.cli.hook.HookSyncLog;
import dev.cctelemetry.mcp.McpModule;
import java.time.ZoneId;
import java.util.List;

/**
 * The CLI's own bindings: its commands, each built by constructor injection from the application layer's use
 * cases (the injector is strict: only bound classes are built), and the hook worker's log. Fast and free of side
 * effects: nothing is opened here.
 */
final class CliModule extends AbstractModule {

    /** The commands built through the injector (the others have no dependencies; picocli builds them). */
    static final List<Class<?>> INJECTED_COMMANDS = List.of(SetupCommand.class, SyncCommand.class,
            ReportCommand.class, ExportCommand.class, MetricsCommand.class, PushCommand.class,
            ConfigCommand.SetStore.class,
            SetupHooksCommand.class, RemoveHooksCommand.class, HookRunCommand.class, DoctorCommand.class,
            StatusCommand.class, DaemonCommand.class, InstallServiceCommand.class, UninstallServiceCommand.class,
            ServiceStatusCommand.class, RepairCommand.class, UninstallCommand.class, StatuslineCommand.class,
            DashboardCommand.class, McpCommand.class, BudgetCommand.Set.class, BudgetCommand.ListBudgets.class,
            BudgetCommand.Clear.class, AlertCommand.Set.class, AlertCommand.ListSettings.class,
            AlertCommand.Test.class, CheckCommand.class);

    private final HookSyncLog hookLog;
    private final List<Class<?>> commands;

    /**
     * The module.
     *
     * @param hookLog {@link HookSyncLog#disabled()} for every command but {@code hook-run}
     * @param commands the commands this process registers ({@link RootCommand#commandsFor}): only those are bound,
     *     so a start does not load and check the other commands' dependencies
     */
    CliModule(HookSyncLog hookLog, List<Class<?>> commands) {
        this.hookLog = hookLog;
        this.commands = List.copyOf(commands);
    }

    @Override
    protected void configure() {
        bind(HookSyncLog.class).toInstance(hookLog);
        if (commands.contains(DashboardCommand.class)) {
            bind(DashboardCards.class);
        }
        if (commands.contains(McpCommand.class)) {
            // Only a start that may serve MCP binds (and so loads) the server and its tools.
            install(new McpModule(ZoneId.systemDefault()));
        }
        boundCommands(commands).forEach(this::bind);
    }

    /** The classes of {@link #INJECTED_COMMANDS} that {@code commands} (or their subcommands) are built from. */
    static List<Class<?>> boundCommands(List<Class<?>> commands) {
        return INJECTED_COMMANDS.stream().filter(command -> commands.contains(command)
                || command.getEnclosingClass() != null && commands.contains(command.getEnclosingClass())).toList();
    }
}
