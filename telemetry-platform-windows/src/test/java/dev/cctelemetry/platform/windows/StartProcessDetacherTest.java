package dev.cctelemetry.platform.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.LaunchSpec;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.exec.CommandLine;
import org.junit.jupiter.api.Test;

/** Checks the built command line only: powershell.exe cannot run on the build machines. */
class StartProcessDetacherTest {

    private static final Path CWD = Path.of("/home/o'brien/work dir");

    @Test
    void powershellRunsHiddenWithoutProfileAndOneCommandArgument() {
        CommandLine line = StartProcessDetacher.commandLine(
                LaunchSpec.of(List.of("C:/Java/bin/javaw.exe", "-jar", "C:/cc.jar", "hook-run"), CWD));

        assertThat(line.getExecutable()).isEqualTo("powershell.exe");
        assertThat(line.getArguments()).hasSize(6).startsWith(
                "-NoProfile", "-NonInteractive", "-WindowStyle", "Hidden", "-Command");
        assertThat(line.getArguments()[5]).isEqualTo("\"Start-Process -FilePath 'C:/Java/bin/javaw.exe'"
                + " -ArgumentList '\\\"-jar\\\" \\\"C:/cc.jar\\\" \\\"hook-run\\\"'"
                + " -WorkingDirectory '/home/o''brien/work dir' -WindowStyle Hidden\"");
    }

    @Test
    void singleQuotesSpacesAndDollarsSurviveEveryLayer() {
        String script = StartProcessDetacher.startProcessScript(LaunchSpec.of(List.of(
                "C:/Program Files/O'Java/bin/javaw.exe", "-jar", "C:/Users/O'Brien/$x/cc telemetry.jar"), CWD));

        assertThat(script).isEqualTo("Start-Process -FilePath 'C:/Program Files/O''Java/bin/javaw.exe'"
                + " -ArgumentList '\"-jar\" \"C:/Users/O''Brien/$x/cc telemetry.jar\"'"
                + " -WorkingDirectory '/home/o''brien/work dir' -WindowStyle Hidden");
    }

    @Test
    void programWithoutArgumentsHasNoArgumentList() {
        assertThat(StartProcessDetacher.startProcessScript(LaunchSpec.of(List.of("C:/x.exe"), CWD)))
                .isEqualTo("Start-Process -FilePath 'C:/x.exe' -WorkingDirectory '/home/o''brien/work dir'"
                        + " -WindowStyle Hidden");
    }
}
