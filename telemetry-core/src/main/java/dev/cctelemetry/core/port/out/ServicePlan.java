package dev.cctelemetry.core.port.out;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How one OS service manager installs, removes and reports the daemon: the one file to write and the commands
 * around it. Everything is data, so {@code --dry-run} can print it and a CLI without the manager can print the
 * commands for the user to run.
 *
 * @param manager what the service is, for messages (e.g. "systemd user unit")
 * @param file where the service file goes
 * @param content the file's text
 * @param encoding how the text is written
 * @param activate commands that register and start the service after the file is written
 * @param deactivate commands that stop and unregister it before the file is removed
 * @param afterRemoval commands to run after the file is removed
 * @param status a command that exits 0 when the service is active (or loaded, for managers that cannot tell)
 */
public record ServicePlan(String manager, Path file, String content, Charset encoding, List<List<String>> activate,
        List<List<String>> deactivate, List<List<String>> afterRemoval, List<String> status) {

    /** Validates and copies the commands. */
    public ServicePlan {
        Objects.requireNonNull(manager, "manager is null");
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(content, "content is null");
        Objects.requireNonNull(encoding, "encoding is null");
        activate = activate.stream().map(List::copyOf).toList();
        deactivate = deactivate.stream().map(List::copyOf).toList();
        afterRemoval = afterRemoval.stream().map(List::copyOf).toList();
        status = List.copyOf(status);
    }
}
