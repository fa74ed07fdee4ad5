package dev.cctelemetry.cli;

import dev.cctelemetry.app.service.ServiceSupport;
import dev.cctelemetry.core.port.out.ServicePlan;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code cc-telemetry install-service}: run the daemon as a per-user OS service. */
@Command(name = "install-service", mixinStandardHelpOptions = true,
        description = "Run the daemon as a per-user service: a systemd user unit (Linux), a LaunchAgent (macOS)"
                + " or a Task Scheduler task at logon (Windows). Undo with uninstall-service.")
public final class InstallServiceCommand extends ServiceCommand {

    /** An install-service command. */
    @Inject
    public InstallServiceCommand(ServiceSupport support) {
        super(support);
    }

    @Override
    void dryRun(ServicePlan plan, PrintWriter out) {
        out.println("Would write the " + plan.manager() + " " + plan.file() + ":");
        out.print(plan.content());
        out.println("Would run:");
        commands(plan.activate(), out);
    }

    @Override
    void apply(ServicePlan plan, PrintWriter out, PrintWriter err) throws Exception {
        support.install(out, err);
    }
}
