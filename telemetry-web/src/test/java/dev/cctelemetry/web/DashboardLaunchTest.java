package dev.cctelemetry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cctelemetry.core.port.out.BrowserOpener;
import dev.cctelemetry.web.security.LaunchToken;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code cc-telemetry dashboard} prints and does when it starts and stops. */
class DashboardLaunchTest {

    private final List<URI> opened = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private DashboardSettings settings(InetAddress bind, int port, boolean fallBack) {
        return new DashboardSettings(bind, port, fallBack, LaunchToken.generate(new SecureRandom()),
                Duration.ofMillis(200));
    }

    private DashboardLaunch launch(DashboardSettings s, boolean displayAvailable) {
        BrowserOpener browser = url -> {
            if (displayAvailable) {
                opened.add(url);
            }
            return displayAvailable;
        };
        return new DashboardLaunch(new DashboardServer(s, List.of(), () -> 0L), browser);
    }

    @Test
    void printsTheUrlWithTheTokenFirstAndOpensTheBrowser() throws Exception {
        DashboardSettings s = settings(InetAddress.getLoopbackAddress(), 0, false);
        DashboardLaunch launch = launch(s, true);
        URI url = launch.start(s, "this machine (local ledger)", true, new PrintWriter(out), new PrintWriter(err));
        try {
            String first = out.toString().lines().findFirst().orElseThrow();
            assertThat(first).isEqualTo(url.toString()).matches("http://127\\.0\\.0\\.1:\\d+/\\?token=[A-Za-z0-9_-]{43}");
            assertThat(out.toString()).contains("Serving this machine (local ledger)").contains("Ctrl-C");
            assertThat(opened).containsExactly(url);
            assertThat(err.toString()).isEmpty();
        } finally {
            launch.stop();
        }
        launch.awaitStop();
    }

    @Test
    void withoutADisplayOrWithNoOpenNothingIsOpened() {
        DashboardSettings s = settings(InetAddress.getLoopbackAddress(), 0, false);
        DashboardLaunch headless = launch(s, false);
        headless.start(s, "x", true, new PrintWriter(out), new PrintWriter(err));
        headless.stop();
        assertThat(out.toString()).contains("No browser opened");
        DashboardLaunch noOpen = launch(s, true);
        noOpen.start(s, "x", false, new PrintWriter(out), new PrintWriter(err));
        noOpen.stop();
        assertThat(opened).isEmpty();
    }

    @Test
    void aBindBeyondLoopbackWarnsAboutPlainHttp() throws Exception {
        DashboardSettings s = settings(InetAddress.getByName("0.0.0.0"), 0, false);
        DashboardLaunch launch = launch(s, false);
        launch.start(s, "all machines", false, new PrintWriter(out), new PrintWriter(err));
        launch.stop();
        assertThat(err.toString()).startsWith("cc-telemetry: listening on 0.0.0.0:").contains("plain HTTP")
                .contains("TLS proxy");
        assertThat(out.toString().lines().findFirst().orElseThrow()).contains("?token=");
    }

    @Test
    void theDefaultPortFallsBackToAFreeOneButANamedPortDoesNot() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            DashboardSettings fallBack = settings(InetAddress.getLoopbackAddress(), port, true);
            DashboardLaunch launch = launch(fallBack, false);
            URI url = launch.start(fallBack, "x", false, new PrintWriter(out), new PrintWriter(err));
            launch.stop();
            assertThat(url.getPort()).isNotEqualTo(port).isPositive();

            DashboardSettings named = settings(InetAddress.getLoopbackAddress(), port, false);
            assertThatThrownBy(() -> launch(named, false).start(named, "x", false, new PrintWriter(out),
                    new PrintWriter(err))).isInstanceOf(DashboardStartException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + port
                            + " (in use, or not an address of this machine): choose another --port or --bind");
        }
    }
}
