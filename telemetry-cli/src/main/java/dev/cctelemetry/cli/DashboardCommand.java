package dev.cctelemetry.cli;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.dashboard.DashboardData;
import dev.cctelemetry.app.dashboard.DashboardSources;
import dev.cctelemetry.app.doctor.CheckResult;
import dev.cctelemetry.app.metrics.UsageMetrics;
import dev.cctelemetry.app.metrics.UsageMetricsReader;
import dev.cctelemetry.core.port.out.BrowserOpener;
import dev.cctelemetry.web.DashboardLaunch;
import dev.cctelemetry.web.DashboardRoutes;
import dev.cctelemetry.web.DashboardServer;
import dev.cctelemetry.web.DashboardSettings;
import dev.cctelemetry.web.DashboardStartException;
import dev.cctelemetry.web.api.DataScope;
import dev.cctelemetry.web.api.HealthCheck;
import dev.cctelemetry.web.api.HealthSource;
import dev.cctelemetry.web.api.StandardViews;
import dev.cctelemetry.web.metrics.MetricsRoutes;
import dev.cctelemetry.web.security.LaunchToken;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cc-telemetry dashboard}: serves the usage dashboard from this process until Ctrl-C or SIGTERM, over the
 * local ledger or (with {@code --remote}) the shared store. Reads only: it never takes the sync lock, so hooks,
 * syncs and the daemon run beside it.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Serve the usage dashboard in your browser: this machine's ledger, or every machine's with"
                + " --remote. Prints the URL (with this launch's token) on the first line and opens it.",
            "Stop with Ctrl-C (exit 130) or SIGTERM (exit 143). Read-only; runs beside syncs, hooks and the daemon."})
public final class DashboardCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N",
            description = "Port to listen on. Default: " + DashboardSettings.DEFAULT_PORT
                    + ", or a free port when that one is taken (a port named here must be free).")
    Integer port;

    @Option(names = "--remote", description = "Show every machine's usage from the shared PostgreSQL store"
            + " (config set-store) instead of this machine's ledger.")
    boolean remote;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default 127.0.0.1)."
            + " Another address serves the network over plain HTTP: put a TLS proxy in front. The token is"
            + " required either way.")
    String bind = "127.0.0.1";

    @Option(names = "--no-open", description = "Do not open a browser (it is not opened without a display"
            + " either).")
    boolean noOpen;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final DashboardSources sources;
    private final UsageMetricsReader metrics;
    private final DashboardCards cards;
    private final BrowserOpener browser;
    private final Clock clock;

    /** A dashboard command. */
    @Inject
    public DashboardCommand(DashboardSources sources, UsageMetricsReader metrics, DashboardCards cards,
            BrowserOpener browser, Clock clock) {
        this.sources = sources;
        this.metrics = metrics;
        this.cards = cards;
        this.browser = browser;
        this.clock = clock;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InetAddress address = address(bind);
        if (port != null && (port < 1 || port > 65_535)) {
            throw AppException.usage("--port " + port + " is not a port (1 to 65535)");
        }
        DashboardData data = remote ? sources.remote() : sources.local();
        DashboardSettings settings = new DashboardSettings(address,
                port == null ? DashboardSettings.DEFAULT_PORT : port, port == null,
                LaunchToken.generate(new SecureRandom()), DashboardSettings.DEFAULT_CHANGE_POLL);
        HealthSource health = () -> sources.health().stream().map(DashboardCommand::check).toList();
        List<DashboardRoutes> routes = new ArrayList<>(StandardViews.of(data.queries(),
                new DataScope(data.remote(), data.description()), health, clock, cards.cards(data.remote())));
        // /metrics for Prometheus, over the same data; a scraper sends the launch token as a bearer token.
        routes.add(new MetricsRoutes(remote ? () -> metrics.remote(UsageMetrics.DEFAULT_TOP_PROJECTS)
                : () -> metrics.local(UsageMetrics.DEFAULT_TOP_PROJECTS)));
        DashboardServer server = new DashboardServer(settings, routes, data.queries()::changeCount);
        DashboardLaunch launch = new DashboardLaunch(server, browser);
        // Ctrl-C and SIGTERM run the JVM's shutdown hooks: this one closes the event streams and the server, so
        // an open page sees the stream end rather than a reset connection.
        Thread stop = new Thread(launch::stop, "cct-dashboard-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            launch.start(settings, data.description(), !noOpen, out, err);
        } catch (DashboardStartException e) {
            launch.stop();
            throw AppException.failure(e.getMessage(), e);
        }
        launch.awaitStop();
        return ExitCode.OK;
    }

    private static InetAddress address(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw AppException.usage("--bind " + value + " is not an address of this machine (e.g. 127.0.0.1,"
                    + " 0.0.0.0 or ::1)");
        }
    }

    private static HealthCheck check(CheckResult r) {
        return new HealthCheck(r.status().name().toLowerCase(Locale.ROOT), r.name(), r.summary(), r.fix());
    }
}
