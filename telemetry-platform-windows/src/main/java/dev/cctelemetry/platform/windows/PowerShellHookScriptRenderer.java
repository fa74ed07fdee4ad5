package dev.cctelemetry.platform.windows;

import dev.cctelemetry.core.port.out.HookEvent;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.HookScriptSpec;
import dev.cctelemetry.core.port.out.HookScriptTemplate;
import dev.cctelemetry.core.port.out.HookScriptTemplate.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Renders the hook scripts as Windows PowerShell 5.1 scripts (also valid for PowerShell 7) with the same
 * behaviour as the POSIX ones: bounded stdin copy to a spool file, the Stop debounce gate, the worker started
 * with {@code Start-Process -WindowStyle Hidden}, no output, always exit 0. The script text lives in the resource
 * {@code hook-script.ps1} next to this class; its header comment documents the behaviour.
 *
 * <p>The status line script ({@link #renderStatusline}) comes from the resource {@code statusline.ps1} through the
 * same template machinery.
 *
 * <p>Only golden-file tests cover this class: the scripts cannot run on the Linux build machines.
 *
 * <p>The rendered text starts with a byte order mark ({@code U+FEFF}); write it as UTF-8. Windows PowerShell 5.1
 * reads a script without a BOM in the ANSI code page and would garble non-ASCII paths.
 */
public final class PowerShellHookScriptRenderer implements HookScriptRenderer {

    private static final HookScriptTemplate TEMPLATE = new HookScriptTemplate(loadTemplate("hook-script.ps1"));
    private static final HookScriptTemplate STATUSLINE = new HookScriptTemplate(loadTemplate("statusline.ps1"));

    @Override
    public String render(HookEvent event, HookScriptSpec spec) {
        Objects.requireNonNull(event, "event is null");
        return "\uFEFF" + TEMPLATE.fill(event.scriptName(), spec, PowerShellQuoting::singleQuote);
    }

    @Override
    public Map<Value, String> installedValues(String scriptText) {
        return TEMPLATE.paths(scriptText, PowerShellQuoting::unquote);
    }

    /**
     * The resource {@code statusline.ps1} filled with {@code spec}'s values, with a byte order mark like the hook
     * scripts. It runs {@code java} (the {@code java.exe} beside {@code javaw.exe}) in the foreground and copies its
     * stdout as bytes.
     */
    @Override
    public String renderStatusline(HookScriptSpec spec) {
        return "\uFEFF" + STATUSLINE.fill("statusline", spec, PowerShellQuoting::singleQuote);
    }

    @Override
    public String statuslineFileName() {
        return "cc-telemetry-statusline.ps1";
    }

    /**
     * {@link #registeredCommand} without {@code -WindowStyle Hidden}: Claude Code reads the status line's stdout
     * through a pipe, so there is no window of its own to hide, and PowerShell would hide the console window it
     * shares instead (Claude Code's, under the legacy console host) at every refresh.
     */
    @Override
    public String statuslineCommand(Path script) {
        return registeredCommand(script).replace(" -WindowStyle Hidden -File ", " -File ");
    }

    @Override
    public String fileName(HookEvent event) {
        return "cc-telemetry-" + event.scriptName() + ".ps1";
    }

    /**
     * {@code powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -WindowStyle Hidden -File "C:/..."}
     * with forward slashes: the same string parses under Git Bash (Claude Code's default shell on Windows) and
     * PowerShell (its fallback). Inside double quotes both shells expand {@code $} and the backtick, so a path
     * holding either is single-quoted instead (both shells take single quotes literally).
     *
     * @throws IllegalArgumentException for a relative path, or one holding {@code $} or a backtick together with
     *                                  a single quote, which no quoting shared by both shells can carry
     */
    @Override
    public String registeredCommand(Path script) {
        String path = script.toString().replace('\\', '/');
        // A drive-letter path is absolute on Windows even when this JVM (a Linux build) does not think so.
        if (!script.isAbsolute() && !path.matches("^[A-Za-z]:/.*")) {
            throw new IllegalArgumentException("script path must be absolute: " + script);
        }
        String quoted;
        if (path.indexOf('$') < 0 && path.indexOf('`') < 0) {
            quoted = '"' + path + '"';
        } else if (path.indexOf('\'') < 0) {
            quoted = '\'' + path + '\'';
        } else {
            throw new IllegalArgumentException("cannot quote this path for both Git Bash and PowerShell: " + path);
        }
        return "powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -WindowStyle Hidden -File "
                + quoted;
    }


    private static String loadTemplate(String name) {
        try (InputStream in = PowerShellHookScriptRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
