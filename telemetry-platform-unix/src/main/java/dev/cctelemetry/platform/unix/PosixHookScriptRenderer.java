package dev.cctelemetry.platform.unix;

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
 * Renders the hook scripts as POSIX {@code sh} (no bash-isms, no jq or python: {@code head -c}, {@code awk},
 * {@code mktemp} and {@code setsid} or {@code nohup} only). The script text lives in the resource
 * {@code hook-script.sh} next to this class; its header comment documents the behaviour. Values are baked in as
 * single-quoted words, so paths with spaces, quotes, {@code $}, backticks or non-ASCII characters are safe.
 *
 * <p>Install the script with mode 0700 (owner-only; it is run by path).
 */
public final class PosixHookScriptRenderer implements HookScriptRenderer {

    private static final HookScriptTemplate TEMPLATE = new HookScriptTemplate(loadTemplate());

    @Override
    public String render(HookEvent event, HookScriptSpec spec) {
        Objects.requireNonNull(event, "event is null");
        return TEMPLATE.fill(event.scriptName(), spec, ShellQuoting::singleQuote);
    }

    @Override
    public Map<Value, String> installedValues(String scriptText) {
        return TEMPLATE.paths(scriptText, ShellQuoting::unquote);
    }

    @Override
    public String renderStatusline(HookScriptSpec spec) {
        String jar = ShellQuoting.singleQuote(spec.jar().toString());
        String archive = ShellQuoting.singleQuote("-XX:SharedArchiveFile=" + spec.jar() + ".jsa");
        return "#!/bin/sh\n"
                + "# cc-telemetry status line (written by 'cc-telemetry setup-hooks --statusline'): Claude Code runs this\n"
                + "# with its payload on stdin and shows what it prints. Nothing reaches stderr; it always exits 0.\n"
                + "CC_TELEMETRY_HOME=" + ShellQuoting.singleQuote(spec.telemetryHome().toString()) + "\n"
                + "export CC_TELEMETRY_HOME\n"
                + ShellQuoting.singleQuote(spec.javaExecutable().toString()) + " " + archive
                + " -Xshare:auto '-Xlog:cds*=off' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx64m -cp " + jar
                + " dev.cctelemetry.cli.Main statusline 2>/dev/null\n"
                + "exit 0\n";
    }

    @Override
    public String fileName(HookEvent event) {
        return "cc-telemetry-" + event.scriptName() + ".sh";
    }

    /** The single-quoted absolute path: Claude Code runs the command with {@code sh -c}. */
    @Override
    public String registeredCommand(Path script) {
        if (!script.isAbsolute()) {
            throw new IllegalArgumentException("script path must be absolute: " + script);
        }
        return ShellQuoting.singleQuote(script.toString());
    }


    private static String loadTemplate() {
        try (InputStream in = PosixHookScriptRenderer.class.getResourceAsStream("hook-script.sh")) {
            if (in == null) {
                throw new IllegalStateException("resource hook-script.sh is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
