package dev.cctelemetry.cli;

import dev.cctelemetry.core.port.out.ServicePlan;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cc-telemetry install-service}: run the daemon as a per-user OS service. */
@Command(name = "install-service", mixinStandardHelpOptions = true,
        description = "Run the daemon as a per-user service: a systemd user unit (Linux), a LaunchAgent (macOS)"
                + " or a Task Scheduler task at logon (Windows). Undo with uninstall-service.")
public final class InstallServiceCommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "Print the file and the commands instead of applying them.")
    boolean dryRun;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final ServiceSupport support;

    /** An install-service command. */
    @Inject
    public InstallServiceCommand(ServiceSupport support) {
        this.support = support;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ServicePlan plan = support.plan();
        if (dryRun) {
            out.println("Would write the " + plan.manager() + " " + plan.file() + ":");
            out.print(plan.content());
            out.println("Would run:");
            plan.activate().forEach(c -> out.println("  " + ServiceSupport.shell(c)));
            return ExitCode.OK;
        }
        support.install(out, spec.commandLine().getErr());
        return ExitCode.OK;
    }
}
