package dev.cctelemetry.cli;

import dev.cctelemetry.core.port.out.ServiceDefinition;
import dev.cctelemetry.core.port.out.ServiceInstaller;
import dev.cctelemetry.core.port.out.ServicePlan;
import dev.cctelemetry.platform.unix.LaunchAgentInstaller;
import dev.cctelemetry.platform.unix.SystemdUserUnitInstaller;
import dev.cctelemetry.platform.windows.TaskSchedulerInstaller;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    @Inject
    ServiceSupport(LocalServices services) {
        this.services = services;
    }

    /** This OS's installer. Interim switch on {@code os.name}; the platform wiring will provide it. */
    ServiceInstaller installer() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new TaskSchedulerInstaller();
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            return new LaunchAgentInstaller();
        }
        if (os.contains("linux")) {
            return new SystemdUserUnitInstaller();
        }
        throw CliException.failure("no service manager supported on " + os
                + "; run 'cc-telemetry daemon --background' from your login scripts instead", null);
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
        return installer().plan(new ServiceDefinition(JarLocation.javaExecutable(), jar, List.of("daemon"),
                env.userHome(), home, vars, userId));
    }

    boolean canRunCommands() {
        return installer().canRunCommands(services.environment().env());
    }

    /** Writes the plan's file atomically, creating its folder. */
    static void write(ServicePlan plan) throws IOException {
        Files.createDirectories(plan.file().getParent());
        Path tmp = plan.file().resolveSibling(plan.file().getFileName() + ".tmp");
        Files.write(tmp, plan.content().getBytes(plan.encoding()));
        try {
            Files.move(tmp, plan.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, plan.file(), StandardCopyOption.REPLACE_EXISTING);
        }
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
