package dev.cctelemetry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cctelemetry.core.port.out.ServicePlan;
import dev.cctelemetry.poller.DaemonInstanceLock;
import dev.cctelemetry.poller.DaemonStatusFile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cc-telemetry service-status}: is the service installed, is it active, is a daemon running. */
@Command(name = "service-status", mixinStandardHelpOptions = true,
        description = "Show whether the daemon service is installed and active, and the daemon's last pass.")
public final class ServiceStatusCommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "Print the command that would query the service manager.")
    boolean dryRun;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final ServiceSupport support;
    private final LocalServices services;

    /** A service-status command. */
    @Inject
    public ServiceStatusCommand(ServiceSupport support, LocalServices services) {
        this.support = support;
        this.services = services;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ServicePlan plan = support.plan();
        if (dryRun) {
            out.println("Would check " + plan.file() + " and run:");
            out.println("  " + ServiceSupport.shell(plan.status()));
            return ExitCode.OK;
        }
        boolean installed = Files.exists(plan.file());
        out.println("Service (" + plan.manager() + "): " + (installed ? "installed at " + plan.file()
                : "not installed"));
        if (installed) {
            String active = support.canRunCommands()
                    ? (ServiceSupport.run(plan.status(), null) == 0 ? "active" : "not active")
                    : "unknown (cannot reach the service manager; try " + ServiceSupport.shell(plan.status()) + ")";
            out.println("Service state: " + active);
        }
        Path state = services.environment().telemetryHome().resolve("state");
        Path lock = state.resolve("daemon.lock");
        if (DaemonInstanceLock.isHeld(lock)) {
            OptionalLong pid = DaemonInstanceLock.holderPid(lock);
            out.println("Daemon: running" + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : ""));
        } else {
            out.println("Daemon: not running");
        }
        Optional<JsonNode> last = new DaemonStatusFile(state.resolve("daemon-status.json")).read();
        last.ifPresent(s -> out.println("Last pass: " + s.path("time").asText() + " "
                + (s.path("ok").asBoolean() ? "ok" : "failed: " + s.path("error").asText()) + ", "
                + s.path("filesChecked").asLong() + " files checked, " + s.path("recordsAdded").asLong()
                + " records added; next pass due " + s.path("nextPassAt").asText()));
        return ExitCode.OK;
    }
}
