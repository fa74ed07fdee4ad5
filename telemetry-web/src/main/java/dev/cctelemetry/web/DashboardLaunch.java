package dev.cctelemetry.web;

import dev.cctelemetry.core.port.out.BrowserOpener;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * One run of {@code cc-telemetry dashboard}: starts the server, prints the URL (token included) as the first line
 * of standard output, warns on standard error when the server listens beyond this machine (plain HTTP), opens
 * the default browser unless told not to, and serves until {@link #stop()} (the command's Ctrl-C / SIGTERM hook).
 */
public final class DashboardLaunch {

    private final DashboardServer server;
    private final BrowserOpener browser;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param server the configured server (not started)
     * @param browser opens the page
     */
    public DashboardLaunch(DashboardServer server, BrowserOpener browser) {
        this.server = Objects.requireNonNull(server, "server is null");
        this.browser = Objects.requireNonNull(browser, "browser is null");
    }

    /**
     * Starts serving and says where.
     *
     * @param scope what the page shows, e.g. {@code this machine (local ledger)}
     * @param open whether to open the default browser
     * @return the URL printed
     */
    public URI start(DashboardSettings settings, String scope, boolean open, PrintWriter out, PrintWriter err) {
        URI url = server.start();
        out.println(url);
        out.println("Serving " + scope + " at " + url.getScheme() + "://" + url.getAuthority()
                + " (the token in the URL is this launch's key). Ctrl-C stops it.");
        out.flush();
        if (settings.exposed()) {
            err.println("cc-telemetry: listening on " + settings.bind().getHostAddress() + ":" + server.port()
                    + " over plain HTTP: anyone on the network who gets the URL can read this usage; put a TLS"
                    + " proxy in front of it, or bind 127.0.0.1.");
            err.flush();
        }
        if (open && !browser.open(url)) {
            out.println("No browser opened (no display here): open the URL above.");
            out.flush();
        }
        return url;
    }

    /** Blocks until {@link #stop()} is called. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops serving (closes the event streams, then the server) and releases {@link #awaitStop()}. */
    public void stop() {
        try {
            server.close();
        } finally {
            stopped.countDown();
        }
    }
}
