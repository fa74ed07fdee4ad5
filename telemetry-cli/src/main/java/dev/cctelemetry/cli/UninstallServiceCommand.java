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

/** {@code cc-telemetry uninstall-service}: stop and remove what install-service set up. */
@Command(name = "uninstall-service", mixinStandardHelpOptions = true,
        description = "Stop the daemon service and remove its file.")
public final class UninstallServiceCommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "Print what would be stopped and removed.")
    boolean dryRun;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final ServiceSupport support;

    /** An uninstall-service command. */
    @Inject
    public UninstallServiceCommand(ServiceSupport support) {
        this.support = support;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ServicePlan plan = support.plan();
        if (dryRun) {
            out.println("Would run:");
            plan.deactivate().forEach(c -> out.println("  " + ServiceSupport.shell(c)));
            out.println("Would remove " + plan.file());
            plan.afterRemoval().forEach(c -> out.println("  " + ServiceSupport.shell(c)));
            return ExitCode.OK;
        }
        support.uninstall(out, spec.commandLine().getErr());
        return ExitCode.OK;
    }
}
