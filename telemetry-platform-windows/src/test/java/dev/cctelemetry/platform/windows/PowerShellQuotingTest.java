package dev.cctelemetry.platform.windows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PowerShellQuotingTest {

    @Test
    void singleQuotesAreDoubledAndNothingElseIsTouched() {
        assertThat(PowerShellQuoting.singleQuote("C:/Users/O'Brien/$env:X `n"))
                .isEqualTo("'C:/Users/O''Brien/$env:X `n'");
    }

    @Test
    void typographicSingleQuotesAreDoubledToo() {
        assertThat(PowerShellQuoting.singleQuote("a\u2019b")).isEqualTo("'a\u2019\u2019b'");
    }

    @Test
    void windowsArgumentFollowsCommandLineToArgvRules() {
        assertThat(PowerShellQuoting.windowsArgument("plain")).isEqualTo("\"plain\"");
        assertThat(PowerShellQuoting.windowsArgument("C:\\Program Files\\x")).isEqualTo("\"C:\\Program Files\\x\"");
        assertThat(PowerShellQuoting.windowsArgument("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(PowerShellQuoting.windowsArgument("dir\\")).isEqualTo("\"dir\\\\\"");
        assertThat(PowerShellQuoting.windowsArgument("a\\\"b")).isEqualTo("\"a\\\\\\\"b\"");
        assertThat(PowerShellQuoting.windowsArgument("")).isEqualTo("\"\"");
    }
}
