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
            ExportCommand.class, PushCommand.class, ConfigCommand.class, SetupHooksCommand.class,
            RemoveHooksCommand.class, HookRunCommand.class, DoctorCommand.class, StatusCommand.class,
            DaemonCommand.class, InstallServiceCommand.class, UninstallServiceCommand.class,
            ServiceStatusCommand.class, RepairCommand.class, UninstallCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The command line for {@code args}. picocli builds every registered subcommand (and Guice its
     * dependencies) up front, so when the first word names a command only that one is registered: a hook or a
     * quick {@code sync} does not pay for sixteen others. Help and unknown words get the full set.
     */
    static CommandLine build(CommandLine.IFactory factory, String[] args) {
        CommandLine root = new CommandLine(RootCommand.class, factory);
        String first = null;
        for (String a : args) {
            if (!a.startsWith("-")) {
                first = a;
                break;
            }
        }
        for (Class<?> c : SUBCOMMANDS) {
            if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(first)) {
                root.addSubcommand(c);
                return root;
            }
        }
        SUBCOMMANDS.forEach(root::addSubcommand);
        return root;
    }
}
