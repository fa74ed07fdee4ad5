package dev.cctelemetry.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cc-telemetry}: the command group. */
@Command(name = "cc-telemetry", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Exact Claude Code token and cost records, kept in a local ledger.")
public final class RootCommand implements Runnable {

    /** Every subcommand, in the order {@code --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(SetupCommand.class, SyncCommand.class, ReportCommand.class,
            ExportCommand.class, MetricsCommand.class, PushCommand.class, ConfigCommand.class, SetupHooksCommand.class,
            RemoveHooksCommand.class, HookRunCommand.class, DoctorCommand.class, StatusCommand.class,
            DaemonCommand.class, InstallServiceCommand.class, UninstallServiceCommand.class,
            ServiceStatusCommand.class, RepairCommand.class, UninstallCommand.class, StatuslineCommand.class,
            DashboardCommand.class, McpCommand.class, BudgetCommand.class, AlertCommand.class, CheckCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The command line for {@code args}, with the subcommands {@link #commandsFor} names registered (picocli builds
     * every registered subcommand, and the injector its dependencies, up front).
     */
    static CommandLine build(CommandLine.IFactory factory, String[] args) {
        CommandLine root = new CommandLine(RootCommand.class, factory);
        commandsFor(args).forEach(root::addSubcommand);
        return root;
    }

    /**
     * The subcommands a command line needs: the one its first word names (a hook or a quick {@code sync} does not
     * pay for sixteen others); none for a bare {@code --version}; the full set for help and unknown words. The
     * injector binds only these ({@link CliModule}).
     */
    static List<Class<?>> commandsFor(String[] args) {
        if (isVersionOnly(args)) {
            return List.of();
        }
        String first = null;
        for (String a : args) {
            if (!a.startsWith("-")) {
                first = a;
                break;
            }
        }
        for (Class<?> c : SUBCOMMANDS) {
            if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(first)) {
                return List.of(c);
            }
        }
        return SUBCOMMANDS;
    }

    /** Whether {@code args} only ask for the version ({@code --version}, {@code -V}, any number of times). */
    static boolean isVersionOnly(String[] args) {
        if (args.length == 0) {
            return false;
        }
        for (String a : args) {
            if (!a.equals("--version") && !a.equals("-V")) {
                return false;
            }
        }
        return true;
    }
}
