package dev.cctelemetry.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void ordinaryTextIncludingBackslashesAndNonAsciiIsReturnedAsItIs() {
        String text = "C:\\Users\\zoë\\代码 — claude-opus-4-1 (ünïcode) ✓";

        assertThat(TerminalText.printable(text)).isSameAs(text);
    }

    @Test
    void everyC0C1AndDelCharacterIsEscapedVisibly() {
        for (char c = 0; c < 0xA0; c++) {
            String shown = TerminalText.printable("a" + c + "b");
            boolean control = c < 0x20 || c >= 0x7F;
            assertThat(shown).as("U+%04X", (int) c).isEqualTo(control ? shown : "a" + c + "b");
            if (control) {
                assertThat(shown).as("U+%04X", (int) c).startsWith("a\\").endsWith("b")
                        .doesNotContain(String.valueOf(c));
            }
        }
        assertThat(TerminalText.printable("\u001b]0;t\u0007\n\r\t\u007f\u009b\u202e"))
                .isEqualTo("\\x1b]0;t\\x07\\n\\r\\t\\x7f\\u009b\\u202e");
    }
}
