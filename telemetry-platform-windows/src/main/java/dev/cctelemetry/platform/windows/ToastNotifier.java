package dev.cctelemetry.platform.windows;

import dev.cctelemetry.core.alert.Alert;
import dev.cctelemetry.core.port.out.AlertChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * {@link AlertChannel} showing an alert as a Windows toast, through Windows PowerShell's own WinRT access (no module
 * to install). The script travels as {@code -EncodedCommand} and the title and text inside it as single-quoted
 * literals, so nothing of an alert is ever parsed as a command. Needs an interactive session ({@code SESSIONNAME}
 * is set in one, console or remote desktop; not in a service); bounded by {@link #TIMEOUT}; not retried.
 */
public final class ToastNotifier implements AlertChannel {

    /** Longest wait for PowerShell (its start is slow: a second or two). */
    public static final Duration TIMEOUT = Duration.ofSeconds(8);

    /** Toasts are shown under Windows PowerShell's application id: a process has no id of its own to show. */
    private static final String APP_ID = "{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\\WindowsPowerShell\\v1.0\\powershell.exe";

    private final Map<String, String> environment;

    /** @param environment the process environment ({@code SystemRoot}, {@code SESSIONNAME} are read) */
    public ToastNotifier(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment is null"));
    }

    @Override
    public String name() {
        return "desktop";
    }

    @Override
    public boolean available() {
        return !environment.getOrDefault("SESSIONNAME", "").isEmpty();
    }

    @Override
    public boolean retries() {
        return false;
    }

    @Override
    public Outcome send(Alert alert) {
        CommandLine line = new CommandLine(powershell().toString());
        arguments(alert.title(), alert.message()).forEach(a -> line.addArgument(a, false));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        DefaultExecutor executor = DefaultExecutor.builder()
                .setExecuteStreamHandler(new PumpStreamHandler(output, output, null)).get();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(TIMEOUT).get();
        executor.setWatchdog(watchdog);
        try {
            executor.execute(line, environment);
            return Outcome.DELIVERED;
        } catch (ExecuteException e) {
            return Outcome.failed(watchdog.killedProcess()
                    ? "PowerShell did not show the toast within " + TIMEOUT.toSeconds() + " s"
                    : "PowerShell exited " + e.getExitValue() + ": " + output.toString(StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Outcome.failed("cannot run PowerShell: " + e.getMessage());
        }
    }

    /** PowerShell's arguments: the toast script, encoded. */
    static List<String> arguments(String title, String text) {
        String encoded = Base64.getEncoder().encodeToString(script(title, text).getBytes(StandardCharsets.UTF_16LE));
        return List.of("-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-EncodedCommand", encoded);
    }

    /** The script showing one toast with {@code title} and {@code text}. */
    static String script(String title, String text) {
        return String.join("\n",
                "$ErrorActionPreference = 'Stop'",
                "[void][Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications,"
                        + " ContentType = WindowsRuntime]",
                "$xml = [Windows.UI.Notifications.ToastNotificationManager]::GetTemplateContent("
                        + "[Windows.UI.Notifications.ToastTemplateType]::ToastText02)",
                "$lines = $xml.GetElementsByTagName('text')",
                "[void]$lines.Item(0).AppendChild($xml.CreateTextNode(" + PowerShellQuoting.singleQuote(title) + "))",
                "[void]$lines.Item(1).AppendChild($xml.CreateTextNode(" + PowerShellQuoting.singleQuote(text) + "))",
                "[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier("
                        + PowerShellQuoting.singleQuote(APP_ID) + ").Show("
                        + "[Windows.UI.Notifications.ToastNotification]::new($xml))");
    }

    /** Windows PowerShell, where Windows keeps it. */
    private Path powershell() {
        String root = environment.getOrDefault("SystemRoot", "C:\\Windows");
        return Path.of(root, "System32", "WindowsPowerShell", "v1.0", "powershell.exe");
    }
}
