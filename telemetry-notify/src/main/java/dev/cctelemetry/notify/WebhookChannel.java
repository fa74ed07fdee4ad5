package dev.cctelemetry.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.core.alert.Alert;
import dev.cctelemetry.core.alert.WebhookAddress;
import dev.cctelemetry.core.port.out.AlertChannel;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Objects;

/**
 * {@link AlertChannel} posting {@code {"text": …, "content": …}}: Slack's incoming webhooks read {@code text},
 * Discord's read {@code content}, and each ignores the other's field. Bounded: the connection and the answer each
 * have a timeout, so a webhook that hangs costs one run at most {@link #CONNECT_TIMEOUT} plus {@link #ANSWER_TIMEOUT}.
 * A failure is retried by a later run. Errors never show the URL whole (its path is the secret).
 */
public final class WebhookChannel implements AlertChannel {

    /** Longest wait for the connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Longest wait for the answer once the request is sent. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(3);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookAddress address;
    private final String userAgent;

    /**
     * @param address where to post
     * @param userAgent the {@code User-Agent} header ({@code cc-telemetry/0.1.0})
     */
    public WebhookChannel(WebhookAddress address, String userAgent) {
        this.address = Objects.requireNonNull(address, "address is null");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent is null");
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public boolean retries() {
        return true;
    }

    @Override
    public Outcome send(Alert alert) {
        HttpRequest request = HttpRequest.newBuilder(address.uri())
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(body(alert), StandardCharsets.UTF_8))
                .build();
        // One client per send: a run sends a handful at most, and nothing is kept between runs.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        // The request timeout covers the answer only; the overall wait below also covers the connection, TLS and a
        // server that trickles its answer, so nothing here outlasts CONNECT_TIMEOUT + ANSWER_TIMEOUT.
        CompletableFuture<HttpResponse<Void>> response = client.sendAsync(request,
                HttpResponse.BodyHandlers.discarding());
        try {
            int status = response.get(CONNECT_TIMEOUT.plus(ANSWER_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS)
                    .statusCode();
            return status / 100 == 2 ? Outcome.DELIVERED : Outcome.failed("HTTP " + status + " from " + address.masked());
        } catch (TimeoutException e) {
            response.cancel(true);
            return noAnswer();
        } catch (ExecutionException e) {
            return failure(e.getCause());
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        }
    }

    private Outcome failure(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return Outcome.failed("no connection to " + address.masked() + " within " + CONNECT_TIMEOUT.toSeconds()
                    + " s");
        }
        if (cause instanceof HttpTimeoutException) {
            return noAnswer();
        }
        if (cause instanceof ConnectException) {
            return Outcome.failed("cannot connect to " + address.masked() + " (connection refused)");
        }
        return Outcome.failed("cannot post to " + address.masked() + ": " + cause.getClass().getSimpleName());
    }

    private Outcome noAnswer() {
        return Outcome.failed("no answer from " + address.masked() + " within " + ANSWER_TIMEOUT.toSeconds() + " s");
    }

    /**
     * The JSON posted: one text in Slack's field and in Discord's. Budget and project names are the user's, but a
     * project folder may be named anything: Slack's {@code &}, {@code <} and {@code >} are escaped in {@code text}
     * (else {@code <!channel>} would notify a whole channel), and Discord is told to parse no mention in
     * {@code content} ({@code @everyone} stays text). Each service ignores the other's fields.
     */
    static String body(Alert alert) {
        String text = "cc-telemetry: " + alert.title() + ". " + alert.message();
        ObjectNode o = JSON.createObjectNode();
        o.put("text", text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        o.put("content", text);
        o.putObject("allowed_mentions").putArray("parse");
        return o.toString();
    }
}
