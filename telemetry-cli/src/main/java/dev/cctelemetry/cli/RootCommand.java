package dev.cctelemetry.cli;

import picocli.CommandLine.Command;

/** {@code cc-telemetry}: the command group. */
@Command(name = "cc-telemetry", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Exact Claude Code token and cost records, kept in a local ledger.",
        subcommands = {SetupCommand.class, SyncCommand.class, ReportCommand.class, ExportCommand.class,
                PushCommand.class, ConfigCommand.class, SetupHooksCommand.class, RemoveHooksCommand.class,
                HookRunCommand.class, DoctorCommand.class, StatusCommand.class, DaemonCommand.class,
                InstallServiceCommand.class, UninstallServiceCommand.class, ServiceStatusCommand.class,
                UninstallCommand.class, picocli.CommandLine.HelpCommand.class})
public final class RootCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
