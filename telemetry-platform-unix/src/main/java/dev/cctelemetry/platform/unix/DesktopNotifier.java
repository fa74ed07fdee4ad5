package dev.cctelemetry.platform.unix;

import dev.cctelemetry.core.alert.Alert;
import dev.cctelemetry.core.port.out.AlertChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * {@link AlertChannel} showing an alert as a desktop notification: {@code notify-send} on Linux and the BSDs, which
 * needs a desktop session ({@code DISPLAY}, {@code WAYLAND_DISPLAY} or a D-Bus session bus; none on a server or
 * over SSH: then the channel is unavailable and nothing is shown, silently), {@code osascript}'s
 * {@code display notification} on macOS. The title and text travel as arguments, never as script or shell text.
 * Each run is bounded by {@link #TIMEOUT}; a failed popup is not retried.
 */
public final class DesktopNotifier implements AlertChannel {

    /** Longest wait for the notifier program. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** osascript reads the title and text from its arguments: nothing of them is AppleScript source. */
    private static final List<String> APPLESCRIPT = List.of("-e", "on run argv", "-e",
            "display notification (item 2 of argv) with title (item 1 of argv)", "-e", "end run");

    private final Map<String, String> environment;
    private final boolean macOs;

    /**
     * @param environment the process environment (PATH and the desktop session's variables are read; the notifier
     *     runs with it)
     * @param macOs whether this is macOS
     */
    public DesktopNotifier(Map<String, String> environment, boolean macOs) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment is null"));
        this.macOs = macOs;
    }

    @Override
    public String name() {
        return "desktop";
    }

    @Override
    public boolean available() {
        return program().isPresent();
    }

    @Override
    public boolean retries() {
        return false;
    }

    @Override
    public Outcome send(Alert alert) {
        Optional<Path> program = program();
        if (program.isEmpty()) {
            return Outcome.failed("no desktop session");
        }
        CommandLine line = new CommandLine(program.get().toString());
        command(alert.title(), alert.message()).forEach(a -> line.addArgument(a, false));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        DefaultExecutor executor = DefaultExecutor.builder()
                .setExecuteStreamHandler(new PumpStreamHandler(output, output, null)).get();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(TIMEOUT).get();
        executor.setWatchdog(watchdog);
        String name = program.get().getFileName().toString();
        try {
            executor.execute(line, environment);
            return Outcome.DELIVERED;
        } catch (ExecuteException e) {
            if (watchdog.killedProcess()) {
                return Outcome.failed(name + " did not finish within " + TIMEOUT.toSeconds() + " s");
            }
            String said = output.toString(StandardCharsets.UTF_8).strip();
            return Outcome.failed(name + " exited " + e.getExitValue() + (said.isEmpty() ? "" : ": " + said));
        } catch (IOException e) {
            return Outcome.failed("cannot run " + name + ": " + e.getMessage());
        }
    }

    /** The notifier's arguments after the program. */
    List<String> command(String title, String text) {
        if (macOs) {
            return concat(APPLESCRIPT, List.of(title, text));
        }
        // "--": a title or text starting with '-' is never taken for an option. The body is markup to servers with
        // the "body-markup" capability (most desktops): a project named "<b>x</b>" or "<a href=…>" would be drawn
        // as a link; escaped, it shows as written. The summary (title) is plain text by the specification.
        return List.of("--app-name=cc-telemetry", "--", title, markupEscaped(text));
    }

    /** {@code text} as the notification specification's XML-based body markup reads it: literally. */
    private static String markupEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The notifier program, when this session can show a notification. */
    Optional<Path> program() {
        if (macOs) {
            Path osascript = Path.of("/usr/bin/osascript");
            return Files.isExecutable(osascript) ? Optional.of(osascript)
                    : ProgramLookup.find("osascript", environment);
        }
        // The absolute path: Commons Exec would search the JVM's own PATH, not the environment given here.
        return new DesktopSession(environment).canNotify() ? ProgramLookup.find("notify-send", environment)
                : Optional.empty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
