package dev.cctelemetry.platform.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cctelemetry.core.port.out.HookEvent;
import dev.cctelemetry.core.port.out.HookScriptSpec;
import dev.cctelemetry.core.port.out.HookScriptTemplate.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PosixHookScriptRendererTest {

    private final PosixHookScriptRenderer renderer = new PosixHookScriptRenderer();

    private static final HookScriptSpec SPEC = new HookScriptSpec(
            Path.of("/opt/My Java's $JAVA/bin/java"),
            Path.of("/home/o'brien/.claude-telemetry/lib/cc `telemetry`.jar"),
            Path.of("/home/o'brien/.claude-telemetry home é"),
            120, 1024L * 1024L);

    @Test
    void stopScriptMatchesGoldenFile() throws IOException {
        assertThat(renderer.render(HookEvent.STOP, SPEC)).isEqualTo(golden("golden-stop.sh"));
    }

    @Test
    void sessionEndScriptMatchesGoldenFile() throws IOException {
        assertThat(renderer.render(HookEvent.SESSION_END, SPEC)).isEqualTo(golden("golden-session-end.sh"));
    }

    @Test
    void pathsAreBakedAsSingleQuotedWords() {
        String text = renderer.render(HookEvent.STOP, SPEC);
        assertThat(text).contains("CCT_JAVA='/opt/My Java'\\''s $JAVA/bin/java'\n")
                .contains("CCT_WINDOW=120\n").contains("CCT_MAX_BYTES=1048576\n").doesNotContainPattern("@[A-Z_]+@");
    }

    @Test
    void aValueHoldingAPlaceholderIsBakedAsItIsAndReadsBack() {
        // Paths may hold @ signs: each value is copied once, never searched for placeholders again.
        HookScriptSpec spec = new HookScriptSpec(Path.of("/opt/@HOME@/bin/java"),
                Path.of("/srv/@WINDOW@@MAX_BYTES@/cc.jar"), Path.of("/home/u/@JAVA@ '@EVENT@'"), 120, 1024L);

        String text = renderer.render(HookEvent.STOP, spec);

        assertThat(text).contains("CCT_JAVA='/opt/@HOME@/bin/java'\n")
                .contains("CCT_JAR='/srv/@WINDOW@@MAX_BYTES@/cc.jar'\n")
                .contains("CCT_HOME='/home/u/@JAVA@ '\\''@EVENT@'\\'''\n")
                .contains("CCT_WINDOW=120\n");
        assertThat(renderer.installedValues(text)).isEqualTo(Map.of(Value.JAVA, "/opt/@HOME@/bin/java",
                Value.JAR, "/srv/@WINDOW@@MAX_BYTES@/cc.jar", Value.HOME, "/home/u/@JAVA@ '@EVENT@'"));
    }

    @Test
    void valuesReadBackAreTheOnesWritten() {
        assertThat(renderer.installedValues(renderer.render(HookEvent.SESSION_END, SPEC))).isEqualTo(Map.of(
                Value.JAVA, SPEC.javaExecutable().toString(), Value.JAR, SPEC.jar().toString(),
                Value.HOME, SPEC.telemetryHome().toString()));
        assertThat(renderer.installedValues("#!/bin/sh\nCCT_JAVA=/unquoted\n")).isEmpty();
    }

    @Test
    void fileNamesPerEvent() {
        assertThat(renderer.fileName(HookEvent.STOP)).isEqualTo("cc-telemetry-stop.sh");
        assertThat(renderer.fileName(HookEvent.SESSION_END)).isEqualTo("cc-telemetry-session-end.sh");
    }

    @Test
    void registeredCommandIsTheQuotedAbsolutePath() {
        assertThat(renderer.registeredCommand(Path.of("/home/o'brien/hooks dir/cc-telemetry-stop.sh")))
                .isEqualTo("'/home/o'\\''brien/hooks dir/cc-telemetry-stop.sh'");
        assertThatThrownBy(() -> renderer.registeredCommand(Path.of("rel.sh")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = PosixHookScriptRendererTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
