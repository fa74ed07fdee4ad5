package dev.cctelemetry.core.port.out;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One OS's way of running the daemon as a per-user service (a systemd user unit, a launchd agent, a Task
 * Scheduler task at logon). Implementations only render; the caller writes the file and runs the commands, so
 * installing is reversible and previewable.
 */
public interface ServiceInstaller {

    /** The file and commands that install, remove and query a service running {@code definition}. */
    ServicePlan plan(ServiceDefinition definition);

    /**
     * Whether the plan's commands can run here: the manager's tool is on the {@code PATH} and, where it needs
     * one, a user session to talk to exists (a systemd user bus). When false the caller prints the commands.
     *
     * @param environment the process environment
     */
    boolean canRunCommands(Map<String, String> environment);

    /**
     * The jar a service file rendered by {@link #plan} runs, read back from the file's content, so that
     * {@code doctor} can say when it is gone (a service cannot start then); empty when the content names none.
     *
     * @param content the service file's text
     */
    Optional<Path> jarIn(String content);
}
