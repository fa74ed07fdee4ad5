package dev.cctelemetry.cli;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.metrics.UsageMetrics;
import dev.cctelemetry.app.metrics.UsageMetricsReader;
import dev.cctelemetry.web.DashboardStartException;
import dev.cctelemetry.web.metrics.MetricsServer;
import dev.cctelemetry.web.metrics.MetricsServerSettings;
import dev.cctelemetry.web.security.LaunchToken;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cc-telemetry metrics}: serve {@code /metrics} for Prometheus without the dashboard. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Serve the ledger's usage (tokens, cost, requests by machine, model and project) and sync"
                + " health at /metrics in Prometheus' text format, read afresh at each scrape. Stop with Ctrl-C or"
                + " SIGTERM.",
            "The first line printed is the URL to scrape."})
public final class MetricsCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 for any free one (default:"
            + " ${DEFAULT-VALUE}).")
    int port = MetricsServerSettings.DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default: ${DEFAULT-VALUE},"
            + " this machine only). Any other address needs --token-file.")
    String bind = "127.0.0.1";

    @Option(names = "--token-file", paramLabel = "FILE", description = "Require 'Authorization: Bearer TOKEN' on"
            + " every scrape, TOKEN being this file's content (at least 32 characters; Prometheus:"
            + " authorization.credentials_file).")
    Path tokenFile;

    @Option(names = "--remote", description = "Read the shared store (every machine) instead of this machine's"
            + " ledger.")
    boolean remote;

    @Option(names = "--top-projects", paramLabel = "N", description = "Projects that keep their own label, the"
            + " most expensive first; the rest are labelled 'other' (default: ${DEFAULT-VALUE}).")
    int topProjects = UsageMetrics.DEFAULT_TOP_PROJECTS;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final UsageMetricsReader reader;

    /** A metrics command. */
    @Inject
    public MetricsCommand(UsageMetricsReader reader) {
        this.reader = reader;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (topProjects < 0) {
            throw AppException.usage("--top-projects must be 0 or more: " + topProjects);
        }
        MetricsServerSettings settings;
        try {
            settings = new MetricsServerSettings(address(), port, token());
        } catch (IllegalArgumentException e) {
            throw AppException.usage(e.getMessage());
        }
        int top = topProjects;
        Supplier<UsageMetrics> source = remote ? () -> reader.remote(top) : () -> reader.local(top);
        if (remote) {
            // Fail now, with one line, rather than at the first scrape.
            source.get();
        }
        MetricsServer server = new MetricsServer(settings, source);
        URI url;
        try {
            url = server.start();
        } catch (DashboardStartException e) {
            throw AppException.failure(e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "cct-metrics-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(url);
        out.println("Serving " + (remote ? "every machine's usage from the shared store" : "this machine's ledger")
                + (settings.token().isPresent() ? " to scrapers that send the bearer token" : "")
                + ". Stop with Ctrl-C.");
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw AppException.usage("--bind " + bind + ": not an address of this machine");
        }
    }

    private Optional<LaunchToken> token() throws IOException {
        if (tokenFile == null) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            if (text.length() < 32 || !text.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw AppException.usage("--token-file " + tokenFile + ": the token must be at least 32 printable"
                        + " characters without spaces (e.g. openssl rand -hex 32)");
            }
            return Optional.of(new LaunchToken(text));
        } catch (NoSuchFileException e) {
            throw AppException.usage("--token-file " + tokenFile + ": no such file");
        }
    }
}
