package dev.cctelemetry.app.doctor;

import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.HookScriptTemplate.Value;
import dev.cctelemetry.platform.unix.PosixHookScriptRenderer;
import dev.cctelemetry.platform.windows.PowerShellHookScriptRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The java executable and jar baked into an installed hook script, read back by the renderer that wrote it
 * (through the template it wrote it from). Both platforms' renderers are asked, so an installed script is read
 * whatever the OS doctor runs on thinks it should be.
 *
 * @param java the java executable the script runs
 * @param jar the jar it runs
 */
public record HookScriptValues(Path java, Path jar) {

    /** Parses an installed script; empty when it holds neither form. */
    public static Optional<HookScriptValues> read(Path script) throws IOException {
        return parse(Files.readString(script, StandardCharsets.UTF_8));
    }

    /** Parses script text. */
    public static Optional<HookScriptValues> parse(String text) {
        for (HookScriptRenderer renderer : List.of(new PosixHookScriptRenderer(), new PowerShellHookScriptRenderer())) {
            Map<Value, String> values = renderer.installedValues(text);
            if (values.containsKey(Value.JAVA) && values.containsKey(Value.JAR)) {
                try {
                    return Optional.of(new HookScriptValues(Path.of(values.get(Value.JAVA)),
                            Path.of(values.get(Value.JAR))));
                } catch (InvalidPathException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
