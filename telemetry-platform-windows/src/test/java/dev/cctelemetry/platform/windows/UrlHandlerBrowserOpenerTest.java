package dev.cctelemetry.platform.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlHandlerBrowserOpenerTest {

    @Test
    void theUrlIsOneArgumentOfTheUrlHandlerWithoutAShell() {
        URI url = URI.create("http://127.0.0.1:8417/usage?range=7d&token=abc");
        assertThat(UrlHandlerBrowserOpener.command(url))
                .containsExactly("rundll32.exe", "url.dll,FileProtocolHandler", url.toString())
                .noneMatch(a -> a.equalsIgnoreCase("cmd") || a.equalsIgnoreCase("cmd.exe"));
    }
}
