package dev.cctelemetry.app.service;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.hooks.InstalledJar;
import dev.cctelemetry.app.hooks.JarInstaller;
import dev.cctelemetry.app.hooks.JavaExecutable;
import dev.cctelemetry.app.hooks.WorkerClassArchive;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code install-service}, {@code uninstall-service} and {@code service-status} share: this OS's
 * {@link ServiceInstaller}, the definition of the daemon service, writing the file and running the manager's
 * commands.
 */
public final class ServiceSupport {

    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final TelemetryEnvironment env;
    private final ServiceInstaller installer;
    private final InstalledJar installedJar;

    @Inject
    ServiceSupport(TelemetryEnvironment env, ServiceInstaller installer, InstalledJar installedJar) {
        this.env = env;
        this.installer = installer;
        this.installedJar = installedJar;
    }

    /** This OS's installer, bound by the platform module. */
    public ServiceInstaller installer() {
        return installer;
    }

    /**
     * The service: this runtime's java on the running jar's versioned copy under {@code lib/} (the copy
     * {@link #install} makes), else the newest jar there, {@code daemon}.
     */
    public ServicePlan plan() throws IOException {
        Optional<JarInstaller.Plan> copy = installedJar.plan();
        return plan(copy.isPresent() ? copy.get().target() : newestInstalledJar().orElseThrow(
                () -> AppException.failure("no cc-telemetry jar to point the service at: none in "
                        + env.layout().libDir() + " and this process does not run from a jar", null)));
    }

    private ServicePlan plan(Path jar) {
        Path home = env.telemetryHome();
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
            return installer.plan(new ServiceDefinition(JavaExecutable.launcher(), jar, List.of("daemon"),
                    env.userHome(), home, vars, userId, WorkerClassArchive.BACKGROUND_JVM_OPTIONS));
        } catch (UnsupportedOperationException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }

    /**
     * The service file installed for this home, with the jar it runs read back from it; empty when none is
     * installed, it cannot be read, or this OS has no supported service manager.
     */
    public Optional<InstalledService> installed() {
        ServicePlan where;
        try {
            // Where the file goes depends on the homes, not on the jar: any jar name locates it.
            where = plan(env.layout().libDir().resolve("cc-telemetry.jar").toAbsolutePath());
        } catch (AppException | IllegalArgumentException unsupported) {
            return Optional.empty();
        }
        try {
            String content = new String(Files.readAllBytes(where.file()), where.encoding());
            return Optional.of(new InstalledService(where.manager(), where.file(), installer.jarIn(content)));
        } catch (IOException absent) {
            return Optional.empty();
        }
    }

    /** Whether the service manager can be reached from this process (a user session bus, launchctl ...). */
    public boolean canRunCommands() {
        return installer.canRunCommands(env.env());
    }

    /**
     * Writes the service file and starts the service (or prints the commands when the manager cannot be reached).
     * What {@code install-service} and {@code setup --service} run.
     */
    public void install(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        // The service outlives this command: it runs a copy under lib/, never the jar in a checkout's target/
        // that the next `mvnw clean` deletes (issue 17.2). The copy is said once, when it is made.
        Optional<InstalledJar.Copy> copy = installedJar.install();
        if (copy.isPresent() && copy.get().madeNow()) {
            out.println("Jar:      " + copy.get().jar() + " (installed)");
        }
        ServicePlan plan = copy.isPresent() ? plan(copy.get().jar()) : plan();
        write(plan);
        out.println("Wrote the " + plan.manager() + " " + plan.file());
        if (!canRunCommands()) {
            out.println("Cannot reach the service manager from here; run these to start it:");
            plan.activate().forEach(c -> out.println("  " + shell(c)));
            return;
        }
        for (List<String> c : plan.activate()) {
            if (run(c, err) != 0) {
                throw AppException.failure(shell(c) + " failed; the file is written, fix the"
                        + " cause and re-run install-service (or uninstall-service)", null);
            }
        }
        out.println("The daemon service is installed and started.");
    }

    /**
     * Stops the service and deletes its file; nothing installed is fine. What {@code uninstall-service} and
     * {@code uninstall} run.
     */
    public void uninstall(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
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

    /** The newest jar in {@code lib/} (setup installs versioned copies), for a process not running from a jar. */
    private Optional<Path> newestInstalledJar() {
        Path lib = env.layout().libDir();
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(lib)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).filter(Files::isRegularFile)
                    .max(Comparator.comparing(ServiceSupport::modified)).map(Path::toAbsolutePath);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Writes the plan's file atomically, creating its folder. */
    public static void write(ServicePlan plan) throws IOException {
        AtomicFile.write(plan.file(), plan.content().getBytes(plan.encoding()));
    }

    /** Runs one manager command; returns its exit code and echoes its output on failure. */
    public static int run(List<String> command, PrintWriter err) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw AppException.failure(shell(command) + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s",
                    null);
        }
        if (p.exitValue() != 0 && err != null) {
            err.print(new String(output, StandardCharsets.UTF_8));
        }
        return p.exitValue();
    }

    /** A command as a user would type it in a POSIX shell or PowerShell (single-quoted where needed). */
    public static String shell(List<String> command) {
        return command.stream().map(a -> a.matches("[A-Za-z0-9_./:=@%+,-]+") ? a : "'" + a.replace("'", "'\\''")
                + "'").collect(Collectors.joining(" "));
    }
}
