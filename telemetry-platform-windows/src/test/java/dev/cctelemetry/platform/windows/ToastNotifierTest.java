package dev.cctelemetry.platform.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The toast's PowerShell command line: what an alert's text can and cannot do in it. */
class ToastNotifierTest {

    @Test
    void theTitleAndTextAreLiteralsInsideAnEncodedScript() {
        String title = "Budget 80 % used";
        String text = "it's $(Remove-Item C:\\x) `n ‘curly’";
        List<String> args = ToastNotifier.arguments(title, text);

        assertThat(args.subList(0, 5)).containsExactly("-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
                "-EncodedCommand");
        String script = new String(Base64.getDecoder().decode(args.get(5)), StandardCharsets.UTF_16LE);
        assertThat(script).isEqualTo(ToastNotifier.script(title, text))
                .contains("CreateTextNode('Budget 80 % used')")
                .contains("CreateTextNode('it''s $(Remove-Item C:\\x) `n ‘‘curly’’')");
        // each literal reads back as the text given: nothing of it is PowerShell source
        assertThat(PowerShellQuoting.unquote("'it''s $(Remove-Item C:\\x) `n ‘‘curly’’'")).contains(text);
    }

    @Test
    void aToastNeedsAnInteractiveSession() {
        assertThat(new ToastNotifier(Map.of("SESSIONNAME", "Console")).available()).isTrue();
        assertThat(new ToastNotifier(Map.of()).available()).isFalse();
        assertThat(new ToastNotifier(Map.of()).name()).isEqualTo("desktop");
    }
}
