package dev.cctelemetry.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cctelemetry.core.alert.Alert;
import dev.cctelemetry.core.alert.WebhookAddress;
import dev.cctelemetry.core.port.out.AlertChannel;
import dev.cctelemetry.testing.SilentServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook against a loopback HTTP server started here: what it posts, and how it fails, in bounded time. */
class WebhookChannelTest {

    private static final Alert ALERT = new Alert("budget|daily|*|this|2026-12-07|80", "budget|daily|*|this|2026-12-07",
            80, "Budget 80 % used", "$40.00 spent of $50.00 per day (this machine) in the day starting 2026-12-07.",
            Instant.parse("2026-12-07T12:00:00Z"));

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void postsOneTextThatSlackAndDiscordBothRead() throws Exception {
        WebhookChannel channel = new WebhookChannel(start(204), "cc-telemetry/test");

        AlertChannel.Outcome outcome = channel.send(ALERT);

        assertThat(outcome.delivered()).isTrue();
        JsonNode body = new ObjectMapper().readTree(bodies.get(0));
        assertThat(body.get("text").asText()).isEqualTo("cc-telemetry: Budget 80 % used. $40.00 spent of $50.00 per"
                + " day (this machine) in the day starting 2026-12-07.");
        assertThat(body.get("content").asText()).isEqualTo(body.get("text").asText());
        assertThat(body.get("allowed_mentions").toString()).isEqualTo("{\"parse\":[]}");
        assertThat(contentTypes.get(0)).startsWith("application/json");
    }

    @Test
    void markupInANameNotifiesNobodyOnSlackOrDiscord() throws Exception {
        Alert hostile = new Alert("k", "s", 50, "Budget 50 % used", "$1.00 spent of $2.00 per day (project"
                + " <!channel> & @everyone <@U123>)", Instant.parse("2026-12-07T12:00:00Z"));
        JsonNode body = new ObjectMapper().readTree(WebhookChannel.body(hostile));

        assertThat(body.get("text").asText()).endsWith("(project &lt;!channel&gt; &amp; @everyone &lt;@U123&gt;)");
        assertThat(body.get("content").asText()).endsWith("(project <!channel> & @everyone <@U123>)");
        assertThat(body.at("/allowed_mentions/parse").isArray()).isTrue();
        assertThat(body.at("/allowed_mentions/parse")).isEmpty();
    }

    @Test
    void theLoopbackReceiverGetsExactlyTheEscapedTextAndNoMentionToParse() throws Exception {
        WebhookChannel channel = new WebhookChannel(start(204), "cc-telemetry/test");
        Alert hostile = new Alert("budget|daily|p|this|2026-12-07|80", "budget|daily|p|this|2026-12-07", 80,
                "Budget 80 % used", "$40.00 spent on <!channel> @everyone <@U123> <https://evil.example|x> & co,"
                        + " model <!here> @here <@&42>.", Instant.parse("2026-12-07T12:00:00Z"));

        assertThat(channel.send(hostile).delivered()).isTrue();

        // The exact bytes a receiver gets: Slack's text with its control characters as entities, Discord's content
        // as written but with no mention type parsed.
        assertThat(bodies.get(0)).isEqualTo("{\"text\":\"cc-telemetry: Budget 80 % used. $40.00 spent on"
                + " &lt;!channel&gt; @everyone &lt;@U123&gt; &lt;https://evil.example|x&gt; &amp; co, model"
                + " &lt;!here&gt; @here &lt;@&amp;42&gt;.\","
                + "\"content\":\"cc-telemetry: Budget 80 % used. $40.00 spent on <!channel> @everyone <@U123>"
                + " <https://evil.example|x> & co, model <!here> @here <@&42>.\","
                + "\"allowed_mentions\":{\"parse\":[]}}");
    }

    @Test
    void anErrorStatusIsAFailureNamingItWithoutTheSecret() throws Exception {
        WebhookAddress address = start(500);
        AlertChannel.Outcome outcome = new WebhookChannel(address, "t").send(ALERT);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).isEqualTo("HTTP 500 from http://127.0.0.1:" + server.getAddress().getPort() + "/…")
                .doesNotContain("T000SECRET");
    }

    @Test
    void aServerThatIsDownFailsAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        AlertChannel.Outcome outcome = new WebhookChannel(WebhookAddress.parse("http://127.0.0.1:" + port
                + "/services/T000SECRET"), "t").send(ALERT);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).contains("cannot connect").doesNotContain("T000SECRET");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aServerThatNeverAnswersCostsAtMostTheAnswerTimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            long t0 = System.nanoTime();
            AlertChannel.Outcome outcome = new WebhookChannel(WebhookAddress.parse(silent.url("/hook/T000SECRET")), "t")
                    .send(ALERT);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.error()).startsWith("no answer from http://127.0.0.1:").endsWith("within 3 s");
            // the client's own start (TLS defaults) comes on top, a second or two on this loaded machine
            assertThat(took).isBetween(WebhookChannel.ANSWER_TIMEOUT.minusMillis(200),
                    WebhookChannel.CONNECT_TIMEOUT.plus(WebhookChannel.ANSWER_TIMEOUT).plusSeconds(3));
        }
    }

    @Test
    void theAddressIsShownMaskedAndABadOneIsRefusedWithoutEchoingIt() {
        assertThat(WebhookAddress.parse("https://hooks.slack.com/services/T000/B000/XXXXSECRET").masked())
                .isEqualTo("https://hooks.slack.com/…");
        assertThat(WebhookAddress.parse("https://discord.com/api/webhooks/1/SECRET").toString())
                .isEqualTo("https://discord.com/…");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> WebhookAddress.parse("ftp://x/SECRET")))
                .hasMessageNotContaining("SECRET").hasMessageContaining("https://");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> WebhookAddress.parse("hooks.slack.com/x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private WebhookAddress start(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return WebhookAddress.parse("http://127.0.0.1:" + server.getAddress().getPort() + "/services/T000SECRET");
    }
}
