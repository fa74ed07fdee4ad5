package dev.cctelemetry.app.otlp;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.config.TelemetryConfig;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.error.ErrorLine;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.SyncLock;
import dev.cctelemetry.core.usage.UsageRecord;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.resources.Resource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code export --otlp}: sends the sessions whose records are new or changed since the last export to that endpoint
 * as Claude Code's two usage metrics, each session whole (cumulative since its first request), then moves the mark.
 * A failed send leaves the mark where it was, so the next export sends those sessions again; being cumulative, a
 * resent point replaces the one the backend has rather than adding to it. One export at a time per machine.
 */
public final class OtlpExports {

    /** Records read per step of the outbox. */
    private static final int OUTBOX_BATCH = 50_000;
    /** Series (session and model) per request: a few megabytes of protobuf at most. */
    private static final int SERIES_PER_REQUEST = 2_000;
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private static final AttributeKey<String> SERVICE_VERSION = AttributeKey.stringKey("service.version");
    private static final AttributeKey<String> HOST_NAME = AttributeKey.stringKey("host.name");
    private static final AttributeKey<String> HOST_ID = AttributeKey.stringKey("host.id");

    private final Ledgers ledgers;
    private final Configs configs;
    private final InstallLayout layout;
    private final Clock clock;

    @Inject
    OtlpExports(Ledgers ledgers, Configs configs, InstallLayout layout, Clock clock) {
        this.ledgers = ledgers;
        this.configs = configs;
        this.layout = layout;
        this.clock = clock;
    }

    /**
     * Sends what is new since the last export to {@code target}.
     *
     * @throws AppException when another export runs, or the endpoint refuses or cannot be reached (nothing marked)
     */
    public OtlpExportResult export(OtlpTarget target) throws InterruptedException, IOException {
        String endpoint = target.describe();
        if (!ledgers.exists()) {
            return new OtlpExportResult(endpoint, 0, 0);
        }
        TelemetryConfig config = configs.load();
        Optional<SyncLock.Held> held = new FileSyncLock(layout.otlpExportLock()).tryAcquire(Duration.ZERO);
        if (held.isEmpty()) {
            throw AppException.failure("another 'export --otlp' is running on this machine; try again when it"
                    + " has finished", null);
        }
        try (SyncLock.Held lock = held.get(); Ledger ledger = ledgers.open()) {
            OtlpExportMark mark = new OtlpExportMark(layout.otlpExportMark());
            long from = mark.read(endpoint);
            Set<String> sessions = new HashSet<>();
            long records = 0;
            long last = from;
            for (Ledger.PendingBatch b = ledger.pendingForPush(from, OUTBOX_BATCH); !b.isEmpty();
                    b = ledger.pendingForPush(last, OUTBOX_BATCH)) {
                for (UsageRecord r : b.records()) {
                    if (r.tokens().total() > 0) {
                        sessions.add(r.sessionId());
                        records++;
                    }
                }
                last = b.lastSeq();
            }
            if (!sessions.isEmpty()) {
                SessionTotals totals = new SessionTotals(sessions);
                ledger.forEachRecord(Ledger.RecordFilter.ALL, totals::add);
                send(target, metrics(config), totals);
            }
            if (last != from) {
                mark.write(endpoint, last);
            }
            return new OtlpExportResult(endpoint, records, sessions.size());
        }
    }

    private ClaudeCodeMetrics metrics(TelemetryConfig config) {
        String version = Optional.ofNullable(OtlpExports.class.getPackage().getImplementationVersion()).orElse("dev");
        Resource resource = Resource.create(Attributes.builder().put(SERVICE_NAME, "cc-telemetry")
                .put(SERVICE_VERSION, version).put(HOST_NAME, config.machineName()).put(HOST_ID, config.machineId())
                .build());
        return new ClaudeCodeMetrics(resource, InstrumentationScopeInfo.builder("cc-telemetry").setVersion(version)
                .build());
    }

    private void send(OtlpTarget target, ClaudeCodeMetrics metrics, SessionTotals totals)
            throws InterruptedException {
        OtlpHttpMetricExporterBuilder builder = OtlpHttpMetricExporter.builder()
                .setEndpoint(target.endpoint().toString()).setTimeout(target.timeout())
                // A refused request is reported at once; the mark makes the next export the retry.
                .setRetryPolicy(RetryPolicy.builder().setMaxAttempts(2).build());
        target.headers().forEach(builder::addHeader);
        OtlpHttpMetricExporter exporter = builder.build();
        try {
            long now = clock.millis();
            Map<SessionTotals.Key, SessionTotals.Sum> chunk = new LinkedHashMap<>();
            for (Map.Entry<SessionTotals.Key, SessionTotals.Sum> e : totals.sums().entrySet()) {
                chunk.put(e.getKey(), e.getValue());
                if (chunk.size() == SERIES_PER_REQUEST) {
                    sendChunk(exporter, target, metrics, chunk, totals, now);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                sendChunk(exporter, target, metrics, chunk, totals, now);
            }
        } finally {
            exporter.shutdown().join(5, TimeUnit.SECONDS);
        }
    }

    private static void sendChunk(OtlpHttpMetricExporter exporter, OtlpTarget target, ClaudeCodeMetrics metrics,
            Map<SessionTotals.Key, SessionTotals.Sum> chunk, SessionTotals totals, long now)
            throws InterruptedException {
        CompletableResultCode sent = exporter.export(metrics.of(chunk, totals, now));
        // The exporter's own timeout bounds each attempt; this bounds the retries too.
        sent.join(target.timeout().toMillis() * 3 + 1_000, TimeUnit.MILLISECONDS);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!sent.isSuccess()) {
            throw AppException.failure("OTLP export to " + target.describe() + " failed: " + why(sent)
                    + "; nothing was marked, the next export sends it again", null);
        }
    }

    private static String why(CompletableResultCode sent) {
        if (!sent.isDone()) {
            return "no answer in time";
        }
        Throwable t = sent.getFailureThrowable();
        if (t instanceof FailedExportException.HttpExportException h && h.failedWithResponse()) {
            return "the endpoint answered HTTP " + h.getResponse().getStatusCode();
        }
        if (t instanceof FailedExportException.HttpExportException h && h.getCause() != null) {
            return ErrorLine.of(h.getCause());
        }
        return t == null ? "refused" : ErrorLine.of(t);
    }
}
