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
import java.util.EnumMap;
import java.util.List;
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
        return TEMPLATE.fill(Map.of(
                Value.EVENT, eventName(event),
                Value.JAVA, ShellQuoting.singleQuote(spec.javaExecutable().toString()),
                Value.JAR, ShellQuoting.singleQuote(spec.jar().toString()),
                Value.HOME, ShellQuoting.singleQuote(spec.telemetryHome().toString()),
                Value.WINDOW, Integer.toString(spec.debounceWindowSeconds()),
                Value.MAX_BYTES, Long.toString(spec.maxStdinBytes())));
    }

    @Override
    public Map<Value, String> installedValues(String scriptText) {
        Map<Value, String> found = new EnumMap<>(Value.class);
        for (Value v : List.of(Value.JAVA, Value.JAR, Value.HOME)) {
            TEMPLATE.read(scriptText, v, ShellQuoting::unquote).ifPresent(text -> found.put(v, text));
        }
        return found;
    }

    @Override
    public String fileName(HookEvent event) {
        return "cc-telemetry-" + eventName(event) + ".sh";
    }

    /** The single-quoted absolute path: Claude Code runs the command with {@code sh -c}. */
    @Override
    public String registeredCommand(Path script) {
        if (!script.isAbsolute()) {
            throw new IllegalArgumentException("script path must be absolute: " + script);
        }
        return ShellQuoting.singleQuote(script.toString());
    }

    /** The event's name as the script and the worker's {@code --event} option spell it. */
    static String eventName(HookEvent event) {
        return switch (event) {
            case STOP -> "stop";
            case SESSION_END -> "session-end";
        };
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
