package dev.cctelemetry.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cctelemetry.web.live.ChangeFeed;
import dev.cctelemetry.web.security.AccessGuard;
import dev.cctelemetry.web.security.AllowedHosts;
import dev.cctelemetry.web.security.SecurityHeaders;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP server: Javalin on Jetty, serving the page (plain HTML, CSS and ES modules from this jar,
 * the chart library from its WebJar), the JSON API of the given route contributions, and the live-update event
 * stream. Every request passes the {@link AccessGuard} (token, Host) first and every response carries
 * {@link SecurityHeaders}; no endpoint changes data, and no CORS header is ever sent.
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);

    /** Where the page's own files live in the jar; nothing outside this folder is served as an asset. */
    static final String ASSETS = "/dev/cctelemetry/web/assets";

    /** The page paths the one-page app answers (views are drawn by its modules). */
    static final List<String> PAGES = List.of("/", "/overview", "/usage", "/sessions", "/sessions/{id}",
            "/projects", "/models", "/machines", "/blocks", "/health");

    private final DashboardSettings settings;
    private final List<DashboardRoutes> contributions;
    private final ChangeFeed feed;
    private final byte[] page;
    private Javalin app;

    /**
     * @param settings where and how to listen
     * @param contributions the API's endpoints
     * @param changeCounter the store's change counter, watched for live updates
     */
    public DashboardServer(DashboardSettings settings, List<DashboardRoutes> contributions,
            LongSupplier changeCounter) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.contributions = List.copyOf(contributions);
        this.feed = new ChangeFeed(changeCounter, settings.changePoll(), Duration.ofSeconds(15));
        this.page = resource(ASSETS + "/index.html");
    }

    /**
     * Starts listening; with {@link DashboardSettings#fallBackToFreePort()} a taken port is replaced by a free one.
     *
     * @return the URL to open, token included
     * @throws DashboardStartException when the port is taken (and may not be replaced) or the address is not ours
     */
    public URI start() {
        int port = settings.port();
        // Asked first, so that a taken port never reaches Javalin (which logs its failure as an error).
        if (port != 0 && !free(port)) {
            if (!settings.fallBackToFreePort()) {
                throw new DashboardStartException("cannot listen on " + settings.bind().getHostAddress() + ":"
                        + port + " (in use, or not an address of this machine): choose another --port or --bind",
                        null);
            }
            log.debug("port {} is taken; using a free one", port);
            port = 0;
        }
        try {
            app = create(port).start();
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                throw new DashboardStartException("cannot listen on " + settings.bind().getHostAddress() + ":"
                        + port + ": " + e.getMessage(), e);
            }
            throw e;
        }
        feed.start();
        return url();
    }

    /** The URL to open (with the token), once started. */
    public URI url() {
        String host = settings.bind().isAnyLocalAddress() ? "127.0.0.1" : settings.bind().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host.replaceFirst("%.*$", "") + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/?" + AccessGuard.TOKEN_PARAM + "="
                + settings.token().value());
    }

    /** The port listened on, once started. */
    public int port() {
        return app.port();
    }

    private Javalin create(int port) {
        return Javalin.create(config -> configure(config, port));
    }

    private void configure(JavalinConfig config, int port) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.host = settings.bind().getHostAddress();
        config.jetty.port = port;
        // A handful of threads serve one user's browser; Jetty's default pool of 200 would only cost memory.
        QueuedThreadPool threads = new QueuedThreadPool(24, 4);
        threads.setName("dashboard-http");
        config.jetty.threadPool = threads;
        config.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.addCustomizer(new SecurityHeaders());
        });
        config.jetty.modifyServer(server -> server.setErrorHandler(new SecurityHeaders.ErrorPages()));
        config.jsonMapper(new JavalinJackson(new ObjectMapper()
                // Field order as the records declare it; no indentation (the page does not need it).
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS), false));
        config.staticFiles.add(files -> {
            files.hostedPath = "/assets";
            files.directory = ASSETS;
            files.location = Location.CLASSPATH;
        });
        config.staticFiles.enableWebjars();
        config.routes.before(this::guard);
        for (String path : PAGES) {
            config.routes.get(path, this::page);
        }
        config.routes.sse("/api/events", feed::join);
        contributions.forEach(c -> c.register(config.routes));
        config.routes.exception(RuntimeException.class, (e, ctx) -> {
            log.warn("dashboard request {} failed", ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).result("cc-telemetry: " + oneLine(e));
        });
    }

    private void guard(Context ctx) {
        // The port this request reached, from the connection (the Host header's port is the client's say-so).
        int bound = ctx.req().getLocalPort();
        new AccessGuard(settings.token(), new AllowedHosts(settings.bind(), bound), bound).handle(ctx);
    }

    private void page(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private boolean free(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(settings.bind(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || t instanceof JavalinBindException) {
                return true;
            }
        }
        return false;
    }

    private static byte[] resource(String path) {
        try (InputStream in = DashboardServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops listening and closes the event streams; safe to call twice. */
    @Override
    public void close() {
        feed.close();
        if (app != null) {
            app.stop();
            app = null;
        }
    }
}
