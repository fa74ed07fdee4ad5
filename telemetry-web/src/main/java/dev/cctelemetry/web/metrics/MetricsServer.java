package dev.cctelemetry.web.metrics;

import dev.cctelemetry.app.metrics.UsageMetrics;
import dev.cctelemetry.web.DashboardStartException;
import dev.cctelemetry.web.security.AllowedHosts;
import dev.cctelemetry.web.security.BearerToken;
import dev.cctelemetry.web.security.SecurityHeaders;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code cc-telemetry metrics}: a server that answers {@code GET /metrics} only, for people who scrape without
 * running the dashboard. The same endpoint as the dashboard's; the same {@code Host} check (a web page cannot
 * read it through DNS rebinding); with a token, every scrape must send {@code Authorization: Bearer TOKEN}.
 */
public final class MetricsServer implements AutoCloseable {

    private final MetricsServerSettings settings;
    private final MetricsEndpoint endpoint;
    private Javalin app;

    /**
     * @param settings where to listen and the token, if any
     * @param source reads the metrics, once per scrape
     */
    public MetricsServer(MetricsServerSettings settings, Supplier<UsageMetrics> source) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.endpoint = new MetricsEndpoint(source);
    }

    /**
     * Starts listening.
     *
     * @return the URL to scrape
     * @throws DashboardStartException when the port is taken or the address is not this machine's
     */
    public URI start() {
        try {
            app = Javalin.create(this::configure).start();
        } catch (RuntimeException e) {
            throw new DashboardStartException("cannot listen on " + settings.bind().getHostAddress() + ":"
                    + settings.port() + " (in use, or not an address of this machine): choose another --port or"
                    + " --bind", e);
        }
        String host = settings.bind().isAnyLocalAddress() ? "127.0.0.1" : settings.bind().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host.replaceFirst("%.*$", "") + "]";
        }
        return URI.create("http://" + host + ":" + app.port() + MetricsEndpoint.PATH);
    }

    /** The port listened on, once started. */
    public int port() {
        return app.port();
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.host = settings.bind().getHostAddress();
        config.jetty.port = settings.port();
        // One scraper or two: a few threads are plenty.
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName("metrics-http");
        config.jetty.threadPool = threads;
        config.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.addCustomizer(new SecurityHeaders());
        });
        config.jetty.modifyServer(server -> server.setErrorHandler(new SecurityHeaders.ErrorPages()));
        config.routes.before(this::guard);
        config.routes.get(MetricsEndpoint.PATH, endpoint);
    }

    private void guard(Context ctx) {
        // The port this request reached, from the connection (the Host header's port is the client's say-so).
        if (!new AllowedHosts(settings.bind(), ctx.req().getLocalPort()).allows(ctx.header("Host"))) {
            throw new ForbiddenResponse("Forbidden: unknown Host");
        }
        if (settings.token().isPresent()
                && !settings.token().get().matches(BearerToken.of(ctx.header("Authorization")))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("Unauthorized: send Authorization: Bearer TOKEN");
        }
    }

    /** Stops listening; safe to call twice. */
    @Override
    public void close() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }
}
