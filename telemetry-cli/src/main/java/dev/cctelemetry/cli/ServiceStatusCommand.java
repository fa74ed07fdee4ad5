package dev.cctelemetry.cli;

import dev.cctelemetry.app.daemon.Daemon;
import dev.cctelemetry.app.service.ServiceSupport;
import dev.cctelemetry.core.port.out.ServicePlan;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Command;

/** {@code cc-telemetry service-status}: is the service installed, is it active, is a daemon running. */
@Command(name = "service-status", mixinStandardHelpOptions = true,
        description = "Show whether the daemon service is installed and active, and the daemon's last pass.")
public final class ServiceStatusCommand extends ServiceCommand {

    private final Daemon daemon;

    /** A service-status command. */
    @Inject
    public ServiceStatusCommand(ServiceSupport support, Daemon daemon) {
        super(support);
        this.daemon = daemon;
    }

    @Override
    void dryRun(ServicePlan plan, PrintWriter out) {
        out.println("Would check " + plan.file() + " and run:");
        out.println("  " + ServiceSupport.shell(plan.status()));
    }

    @Override
    void apply(ServicePlan plan, PrintWriter out, PrintWriter err) throws Exception {
        boolean installed = Files.exists(plan.file());
        out.println("Service (" + plan.manager() + "): " + (installed ? "installed at " + plan.file()
                : "not installed"));
        if (installed) {
            String active = support.canRunCommands()
                    ? (ServiceSupport.run(plan.status(), null) == 0 ? "active" : "not active")
                    : "unknown (cannot reach the service manager; try " + ServiceSupport.shell(plan.status()) + ")";
            out.println("Service state: " + active);
        }
        Optional<OptionalLong> running = daemon.running();
        if (running.isPresent()) {
            OptionalLong pid = running.get();
            out.println("Daemon: running" + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : ""));
        } else {
            out.println("Daemon: not running");
        }
        daemon.lastPass(running.isPresent()).ifPresent(p -> out.println("Last pass: " + p));
    }
}
