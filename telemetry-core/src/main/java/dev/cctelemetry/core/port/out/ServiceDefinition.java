package dev.cctelemetry.core.port.out;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an OS service runs: the daemon, started by an absolute Java runtime on an absolute jar path, so the
 * service does not depend on the login shell's {@code PATH}.
 *
 * @param javaExecutable absolute path of the {@code java} launcher
 * @param jar absolute path of the cc-telemetry jar (the installed copy under {@code lib/} when there is one)
 * @param arguments arguments after the jar, e.g. {@code daemon}
 * @param userHome the user's home directory (where per-user service files live)
 * @param telemetryHome cc-telemetry's home (working directory; logs of the service itself go under it)
 * @param environment variables the service needs (e.g. {@code CC_TELEMETRY_HOME}); renderers that cannot set
 *                    variables ignore it
 * @param userId the account the service runs as, for managers that name it (Task Scheduler); may be empty
 * @param jvmOptions options for the Java runtime, before {@code -jar} (e.g. a heap cap for a resident process)
 */
public record ServiceDefinition(Path javaExecutable, Path jar, List<String> arguments, Path userHome,
        Path telemetryHome, Map<String, String> environment, String userId, List<String> jvmOptions) {

    /** Validates and copies the arguments. */
    public ServiceDefinition {
        Objects.requireNonNull(javaExecutable, "javaExecutable is null");
        Objects.requireNonNull(jar, "jar is null");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(userHome, "userHome is null");
        Objects.requireNonNull(telemetryHome, "telemetryHome is null");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(userId, "userId is null");
        jvmOptions = List.copyOf(jvmOptions);
        if (!javaExecutable.isAbsolute() || !jar.isAbsolute()) {
            throw new IllegalArgumentException("service paths must be absolute: " + javaExecutable + ", " + jar);
        }
    }

    /** A definition with the Java runtime's default options. */
    public ServiceDefinition(Path javaExecutable, Path jar, List<String> arguments, Path userHome,
            Path telemetryHome, Map<String, String> environment, String userId) {
        this(javaExecutable, jar, arguments, userHome, telemetryHome, environment, userId, List.of());
    }
}
