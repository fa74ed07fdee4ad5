package dev.cctelemetry.web.metrics;

import dev.cctelemetry.app.metrics.UsageMetrics;
import dev.cctelemetry.core.error.ErrorLine;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics}: reads the usage metrics and writes them in the format the scraper asks for in its
 * {@code Accept} header (OpenMetrics or Prometheus text; text 0.0.4 by default). A reading that fails (the shared
 * store is down, the ledger cannot be opened) answers 503 with one line, so Prometheus marks the target down
 * rather than recording zeros.
 */
public final class MetricsEndpoint implements Handler {

    private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);

    /** The path scrapers ask. */
    public static final String PATH = "/metrics";

    private final Supplier<UsageMetrics> source;
    private final ExpositionFormats formats = ExpositionFormats.init();

    /** @param source reads the metrics, once per scrape */
    public MetricsEndpoint(Supplier<UsageMetrics> source) {
        this.source = Objects.requireNonNull(source, "source is null");
    }

    @Override
    public void handle(Context ctx) throws IOException {
        UsageMetrics metrics;
        try {
            metrics = source.get();
        } catch (RuntimeException e) {
            log.warn("metrics could not be read", e);
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).contentType("text/plain; charset=utf-8")
                    .result("cc-telemetry: metrics could not be read: " + ErrorLine.of(e) + "\n");
            return;
        }
        ExpositionFormatWriter writer = formats.findWriter(ctx.header("Accept"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writer.write(body, UsageMetricSnapshots.of(metrics));
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(writer.getContentType()).result(body.toByteArray());
    }
}
