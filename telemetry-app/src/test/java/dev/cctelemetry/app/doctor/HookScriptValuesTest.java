package dev.cctelemetry.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.HookEvent;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.HookScriptSpec;
import dev.cctelemetry.platform.unix.PosixHookScriptRenderer;
import dev.cctelemetry.platform.windows.PowerShellHookScriptRenderer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Doctor reads back exactly the java and jar that setup-hooks baked in, whichever platform's script it finds. */
class HookScriptValuesTest {

    @Test
    void readsTheValuesEitherRendererWroteEvenWhenTheyHoldPlaceholdersOrQuotes() {
        HookScriptSpec spec = new HookScriptSpec(Path.of("/opt/O'Java @HOME@/bin/java"),
                Path.of("/home/o'brien/@JAR@ lib/cc.jar"), Path.of("/home/o'brien/.claude-telemetry"), 120, 1024L);
        for (HookScriptRenderer r : List.of(new PosixHookScriptRenderer(), new PowerShellHookScriptRenderer())) {
            for (HookEvent e : HookEvent.values()) {
                assertThat(HookScriptValues.parse(r.render(e, spec))).as(r.fileName(e))
                        .contains(new HookScriptValues(spec.javaExecutable(), spec.jar()));
            }
        }
    }

    @Test
    void aScriptThatIsNotOursHasNoValues() {
        assertThat(HookScriptValues.parse("#!/bin/sh\nexec java -jar /x.jar\n")).isEmpty();
    }
}
