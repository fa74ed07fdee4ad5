package dev.cctelemetry.platform.windows;

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

/** Golden-file tests only: the PowerShell scripts cannot run on the build machines. */
class PowerShellHookScriptRendererTest {

    private final PowerShellHookScriptRenderer renderer = new PowerShellHookScriptRenderer();

    // Unix-shaped absolute paths: a Windows drive path is not absolute to a JVM on Linux.
    private static final HookScriptSpec SPEC = new HookScriptSpec(
            Path.of("/Program Files/O'Java $x/bin/javaw.exe"),
            Path.of("/Users/o'brien/.claude-telemetry/lib/cc `telemetry`.jar"),
            Path.of("/Users/o'brien/.claude-telemetry home é"),
            120, 1024L * 1024L);

    @Test
    void stopScriptMatchesGoldenFile() throws IOException {
        assertThat(renderer.render(HookEvent.STOP, SPEC)).isEqualTo(golden("golden-stop.ps1"));
    }

    @Test
    void sessionEndScriptMatchesGoldenFile() throws IOException {
        assertThat(renderer.render(HookEvent.SESSION_END, SPEC)).isEqualTo(golden("golden-session-end.ps1"));
    }

    @Test
    void aValueHoldingAPlaceholderIsBakedAsItIsAndReadsBack() {
        // Paths may hold @ signs: each value is copied once, never searched for placeholders again.
        HookScriptSpec spec = new HookScriptSpec(Path.of("/opt/@HOME@/bin/javaw.exe"),
                Path.of("/srv/@WINDOW@@MAX_BYTES@/cc.jar"), Path.of("/Users/u/@JAVA@ \u2019@EVENT@'"), 120, 1024L);

        String text = renderer.render(HookEvent.STOP, spec);

        assertThat(text).contains("$CctJava = '/opt/@HOME@/bin/javaw.exe'\n")
                .contains("$CctJar = '/srv/@WINDOW@@MAX_BYTES@/cc.jar'\n")
                .contains("$CctHome = '/Users/u/@JAVA@ \u2019\u2019@EVENT@'''\n")
                .contains("$CctWindow = 120\n");
        assertThat(renderer.installedValues(text)).isEqualTo(Map.of(Value.JAVA, "/opt/@HOME@/bin/javaw.exe",
                Value.JAR, "/srv/@WINDOW@@MAX_BYTES@/cc.jar", Value.HOME, "/Users/u/@JAVA@ \u2019@EVENT@'"));
    }

    @Test
    void scriptStartsWithBomAndBakesSingleQuotedLiterals() {
        String text = renderer.render(HookEvent.STOP, SPEC);
        assertThat(text).startsWith("\uFEFF# cc-telemetry stop hook")
                .contains("$CctJava = '/Program Files/O''Java $x/bin/javaw.exe'\n")
                .contains("$CctWindow = 120\n").doesNotContainPattern("@[A-Z_]+@")
                .endsWith("exit 0\n");
    }

    @Test
    void statuslineScriptMatchesGoldenFile() throws IOException {
        assertThat(renderer.renderStatusline(SPEC)).isEqualTo(golden("golden-statusline.ps1"));
    }

    @Test
    void statuslineScriptRunsTheJarsStatuslineWithThePosixJvmOptionsAndCopiesItsStdoutAsBytes() {
        String text = renderer.renderStatusline(SPEC);

        assertThat(text).startsWith("\uFEFF# cc-telemetry status line").endsWith("exit 0\n")
                .doesNotContainPattern("@[A-Z_]+@")
                .contains("$CctJava = '/Program Files/O''Java $x/bin/javaw.exe'\n")
                .contains("$CctJar = '/Users/o''brien/.claude-telemetry/lib/cc `telemetry`.jar'\n")
                .contains("$CctHome = '/Users/o''brien/.claude-telemetry home \u00e9'\n")
                .contains("$CctMaxBytes = 1048576\n")
                .contains("$env:CC_TELEMETRY_HOME = $CctHome\n");
        // The same JVM options as the POSIX script, then the fast path of Main (a bare 'statusline').
        assertThat(text).contains("@(\"-XX:SharedArchiveFile=$CctJar.jsa\", '-Xshare:auto', '-Xlog:cds*=off',"
                + " '-XX:TieredStopAtLevel=1',\n        '-XX:+UseSerialGC', '-Xmx64m', '-cp', $CctJar,"
                + " 'dev.cctelemetry.cli.Main', 'statusline')");
        // Bytes in, bytes out: no pipeline decodes the line; stderr is read and dropped, never inherited.
        assertThat(text).contains("[Console]::OpenStandardInput()").contains("$left = [long]$CctMaxBytes + 1")
                .contains("$java.StandardOutput.BaseStream.CopyToAsync($line)")
                .contains("$out = [Console]::OpenStandardOutput()")
                .contains("$start.RedirectStandardError = $true").contains("$java.BeginErrorReadLine()")
                .contains("[Console]::OutputEncoding = $OutputEncoding")
                .doesNotContain("Write-Error").doesNotContain("Write-Host").doesNotContain("[Console]::Error")
                .doesNotContain("Out-String").doesNotContain("& $");
        assertThat(text.lines().filter(l -> l.startsWith("exit ")).toList()).containsExactly("exit 0");
    }

    @Test
    void statuslineReadsBackItsPathsAndIsRegisteredWithoutHidingAWindow() {
        String text = renderer.renderStatusline(SPEC);
        assertThat(renderer.statuslineFileName()).isEqualTo("cc-telemetry-statusline.ps1");
        assertThat(renderer.statuslineCommand(Path.of("C:\\Users\\me\\.claude-telemetry\\hooks\\cc-telemetry-statusline.ps1")))
                .isEqualTo("powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass"
                        + " -File \"C:/Users/me/.claude-telemetry/hooks/cc-telemetry-statusline.ps1\"");
        assertThat(renderer.statuslineCommand(Path.of("C:/Users/a$b/cc-telemetry-statusline.ps1")))
                .endsWith(" -File 'C:/Users/a$b/cc-telemetry-statusline.ps1'");
    }

    @Test
    void fileNamesPerEvent() {
        assertThat(renderer.fileName(HookEvent.STOP)).isEqualTo("cc-telemetry-stop.ps1");
        assertThat(renderer.fileName(HookEvent.SESSION_END)).isEqualTo("cc-telemetry-session-end.ps1");
    }

    @Test
    void registeredCommandUsesForwardSlashesAndDoubleQuotes() {
        assertThat(renderer.registeredCommand(Path.of("C:\\Users\\O'Brien\\.claude-telemetry\\hooks\\cc-telemetry-stop.ps1")))
                .isEqualTo("powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -WindowStyle Hidden"
                        + " -File \"C:/Users/O'Brien/.claude-telemetry/hooks/cc-telemetry-stop.ps1\"");
    }

    @Test
    void pathWithDollarIsSingleQuotedAndUnquotablePathIsRefused() {
        assertThat(renderer.registeredCommand(Path.of("C:/Users/a$b/x.ps1")))
                .endsWith(" -File 'C:/Users/a$b/x.ps1'");
        assertThatThrownBy(() -> renderer.registeredCommand(Path.of("C:/Users/o'b$c/x.ps1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> renderer.registeredCommand(Path.of("hooks/x.ps1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = PowerShellHookScriptRendererTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
