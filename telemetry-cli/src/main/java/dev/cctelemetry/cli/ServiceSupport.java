package dev.cctelemetry.cli;

import dev.cctelemetry.cli.hook.WorkerClassArchive;
import dev.cctelemetry.core.io.AtomicFile;
import dev.cctelemetry.core.port.out.ServiceDefinition;
import dev.cctelemetry.core.port.out.ServiceInstaller;
import dev.cctelemetry.core.port.out.ServicePlan;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What {@code install-service}, {@code uninstall-service} and {@code service-status} share: this OS's
 * {@link ServiceInstaller}, the definition of the daemon service, writing the file and running the manager's
 * commands.
 */
final class ServiceSupport {

    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final LocalServices services;
    private final ServiceInstaller installer;

    @Inject
    ServiceSupport(LocalServices services, ServiceInstaller installer) {
        this.services = services;
        this.installer = installer;
    }

    /** This OS's installer, bound by the platform module. */
    ServiceInstaller installer() {
        return installer;
    }

    /** The service: this runtime's java on the installed jar (else the running one), {@code daemon}. */
    ServicePlan plan() {
        TelemetryEnvironment env = services.environment();
        Path home = env.telemetryHome();
        Path jar = JarLocation.serviceJar(home).orElseThrow(() -> CliException.failure(
                "no cc-telemetry jar to point the service at: none in " + home.resolve("lib")
                        + " and this process does not run from a jar", null));
        Map<String, String> vars = new HashMap<>();
        vars.put("CC_TELEMETRY_HOME", home.toString());
        String claudeDirs = env.env().get("CLAUDE_CONFIG_DIR");
        if (claudeDirs != null && !claudeDirs.isBlank()) {
            vars.put("CLAUDE_CONFIG_DIR", claudeDirs);
        }
        String user = env.env().getOrDefault("USERNAME", "");
        String domain = env.env().getOrDefault("USERDOMAIN", "");
        String userId = user.isEmpty() ? "" : domain.isEmpty() ? user : domain + "\\" + user;
        try {
            // A resident process: the heap cap and the serial GC keep it small between passes (measured with the
            // JVM's defaults: 620 MB resident after the first pass over a 500 MiB tree).
            return installer.plan(new ServiceDefinition(JarLocation.javaExecutable(), jar, List.of("daemon"),
                    env.userHome(), home, vars, userId, WorkerClassArchive.BACKGROUND_JVM_OPTIONS));
        } catch (UnsupportedOperationException e) {
            throw CliException.failure(e.getMessage(), e);
        }
    }

    boolean canRunCommands() {
        return installer.canRunCommands(services.environment().env());
    }

    /**
     * Writes the service file and starts the service (or prints the commands when the manager cannot be reached).
     * What {@code install-service} and {@code setup --service} run.
     */
    void install(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        ServicePlan plan = plan();
        write(plan);
        out.println("Wrote the " + plan.manager() + " " + plan.file());
        if (!canRunCommands()) {
            out.println("Cannot reach the service manager from here; run these to start it:");
            plan.activate().forEach(c -> out.println("  " + shell(c)));
            return;
        }
        for (List<String> c : plan.activate()) {
            if (run(c, err) != 0) {
                throw CliException.failure(shell(c) + " failed; the file is written, fix the"
                        + " cause and re-run install-service (or uninstall-service)", null);
            }
        }
        out.println("The daemon service is installed and started.");
    }

    /**
     * Stops the service and deletes its file; nothing installed is fine. What {@code uninstall-service} and
     * {@code uninstall} run.
     */
    void uninstall(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        ServicePlan plan = plan();
        if (!Files.exists(plan.file())) {
            out.println("No " + plan.manager() + " is installed (" + plan.file() + " does not exist).");
            return;
        }
        boolean manage = canRunCommands();
        if (manage) {
            for (List<String> c : plan.deactivate()) {
                // Not loaded or already stopped is fine: the goal is "gone".
                run(c, null);
            }
        }
        Files.delete(plan.file());
        out.println("Removed " + plan.file());
        if (manage) {
            for (List<String> c : plan.afterRemoval()) {
                run(c, err);
            }
        } else if (!plan.deactivate().isEmpty()) {
            out.println("Cannot reach the service manager from here; if the service was started, run:");
            plan.deactivate().forEach(c -> out.println("  " + shell(c)));
            plan.afterRemoval().forEach(c -> out.println("  " + shell(c)));
        }
    }

    /** Writes the plan's file atomically, creating its folder. */
    static void write(ServicePlan plan) throws IOException {
        AtomicFile.write(plan.file(), plan.content().getBytes(plan.encoding()));
    }

    /** Runs one manager command; returns its exit code and echoes its output on failure. */
    static int run(List<String> command, PrintWriter err) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw CliException.failure(shell(command) + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s",
                    null);
        }
        if (p.exitValue() != 0 && err != null) {
            err.print(new String(output, StandardCharsets.UTF_8));
        }
        return p.exitValue();
    }

    /** A command as a user would type it in a POSIX shell or PowerShell (single-quoted where needed). */
    static String shell(List<String> command) {
        return command.stream().map(a -> a.matches("[A-Za-z0-9_./:=@%+,-]+") ? a : "'" + a.replace("'", "'\\''")
                + "'").collect(Collectors.joining(" "));
    }
}
