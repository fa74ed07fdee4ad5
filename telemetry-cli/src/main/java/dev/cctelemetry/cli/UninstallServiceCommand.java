package dev.cctelemetry.cli;

import dev.cctelemetry.app.service.ServiceSupport;
import dev.cctelemetry.core.port.out.ServicePlan;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code cc-telemetry uninstall-service}: stop and remove what install-service set up. */
@Command(name = "uninstall-service", mixinStandardHelpOptions = true,
        description = "Stop the daemon service and remove its file.")
public final class UninstallServiceCommand extends ServiceCommand {

    /** An uninstall-service command. */
    @Inject
    public UninstallServiceCommand(ServiceSupport support) {
        super(support);
    }

    @Override
    void dryRun(ServicePlan plan, PrintWriter out) {
        out.println("Would run:");
        commands(plan.deactivate(), out);
        out.println("Would remove " + plan.file());
        commands(plan.afterRemoval(), out);
    }

    @Override
    void apply(ServicePlan plan, PrintWriter out, PrintWriter err) throws Exception {
        support.uninstall(out, err);
    }
}
