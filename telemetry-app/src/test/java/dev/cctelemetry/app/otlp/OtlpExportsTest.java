package dev.cctelemetry.app.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Injector;
import com.sun.net.httpserver.HttpServer;
import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.ProcessContext;
import dev.cctelemetry.app.TelemetryApp;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.app.roots.ClaudeRoots;
import dev.cctelemetry.app.sync.Syncs;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.report.RecordStreamQueries;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.testing.TranscriptBuilder;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --otlp} against a loopback OTLP/HTTP receiver started here, which decodes each request with the
 * OpenTelemetry protocol's own classes: exact sums, Claude Code's names and attributes, incremental sends.
 */
class OtlpExportsTest {

    private static final String S1 = "11111111-1111-4111-8111-111111111111";
    private static final String S2 = "22222222-2222-4222-8222-222222222222";
    private static final String SONNET = "claude-sonnet-4-20250514";
    private static final String OPUS = "claude-opus-4-1-20250805";

    @TempDir
    Path tmp;
    private Injector injector;
    private Path claude;
    private HttpServer receiver;
    private final List<ExportMetricsServiceRequest> received = new CopyOnWriteArrayList<>();
    private final List<String> apiKeys = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void setUp() throws IOException {
        claude = tmp.resolve("claude");
        TelemetryEnvironment env = new TelemetryEnvironment(Map.of("CC_TELEMETRY_HOME",
                tmp.resolve("telemetry").toString()), tmp.resolve("user"), tmp);
        injector = TelemetryApp.injector(new ProcessContext(env,
                Clock.fixed(Instant.parse("2026-01-05T00:00:00Z"), ZoneOffset.UTC), Platform.LINUX,
                OtlpExportsTest.class));
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/v1/metrics", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            apiKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("x-api-key")));
            int code = status.get();
            if (code == 200) {
                received.add(ExportMetricsServiceRequest.parseFrom(body));
            }
            byte[] answer = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(code, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private OtlpTarget target() {
        return OtlpTarget.parse("http://127.0.0.1:" + receiver.getAddress().getPort(), List.of("x-api-key=k-1"),
                Duration.ofSeconds(10));
    }

    private void sync() throws Exception {
        try (Ledger ledger = injector.getInstance(Ledgers.class).open()) {
            injector.getInstance(Syncs.class).over(ledger).sync(new SyncRequest(
                    injector.getInstance(ClaudeRoots.class).resolve(List.of(claude)), false, f -> true),
                    SyncProgress.NONE);
        }
    }

    private UsageSummary ledgerTotals(String session) {
        var config = injector.getInstance(Configs.class).load();
        try (Ledger ledger = injector.getInstance(Ledgers.class).open()) {
            return new RecordStreamQueries(ledger, config.machineId(), config.machineName())
                    .totals(UsageFilter.ALL.withSession(session));
        }
    }

    private List<Metric> metrics(String name) {
        List<Metric> out = new ArrayList<>();
        for (ExportMetricsServiceRequest r : received) {
            for (ResourceMetrics rm : r.getResourceMetricsList()) {
                for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                    sm.getMetricsList().stream().filter(m -> m.getName().equals(name)).forEach(out::add);
                }
            }
        }
        return out;
    }

    private static String attr(NumberDataPoint p, String key) {
        return p.getAttributesList().stream().filter(kv -> kv.getKey().equals(key)).map(kv -> kv.getValue()
                .getStringValue()).findFirst().orElse(null);
    }

    private long tokens(Predicate<NumberDataPoint> which) {
        return metrics("claude_code.token.usage").stream().flatMap(m -> m.getSum().getDataPointsList().stream())
                .filter(which).mapToLong(NumberDataPoint::getAsInt).sum();
    }

    private double cost(String session) {
        return metrics("claude_code.cost.usage").stream().flatMap(m -> m.getSum().getDataPointsList().stream())
                .filter(p -> session.equals(attr(p, "session.id"))).mapToDouble(NumberDataPoint::getAsDouble).sum();
    }

    @Test
    void sessionsAreSentWithClaudeCodesNamesExactSumsAndOnlyWhatIsNewNextTime() throws Exception {
        TranscriptBuilder.session(S1)
                .assistant("msg_1", "req_1", SONNET, "2026-01-01T10:00:00.000Z", 100, 20, 300, 4_000, "end_turn")
                .assistant("msg_2", "req_2", OPUS, "2026-01-01T10:05:00.000Z", 7, 900, 0, 12_000, "end_turn")
                .writeTo(claude.resolve("projects/-work-alpha/" + S1 + ".jsonl"));
        TranscriptBuilder s2 = TranscriptBuilder.session(S2)
                .assistant("msg_3", "req_3", SONNET, "2026-01-02T09:00:00.000Z", 5, 60, 1_500, 0, "end_turn");
        s2.writeTo(claude.resolve("projects/-work-beta/" + S2 + ".jsonl"));
        sync();
        OtlpExports exports = injector.getInstance(OtlpExports.class);

        OtlpExportResult first = exports.export(target());

        assertThat(first.records()).isEqualTo(3);
        assertThat(first.sessions()).isEqualTo(2);
        assertThat(first.endpoint()).isEqualTo("http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/metrics");
        assertThat(apiKeys).containsOnly("k-1");
        ResourceMetrics rm = received.get(0).getResourceMetrics(0);
        String machine = injector.getInstance(Configs.class).load().machineName();
        assertThat(rm.getResource().getAttributesList()).extracting(KeyValue::getKey)
                .contains("service.name", "host.name", "host.id");
        assertThat(rm.getResource().getAttributesList()).filteredOn(kv -> kv.getKey().equals("host.name"))
                .extracting(kv -> kv.getValue().getStringValue()).containsExactly(machine);
        Metric tokenUsage = metrics("claude_code.token.usage").get(0);
        assertThat(tokenUsage.getUnit()).isEqualTo("tokens");
        assertThat(tokenUsage.getSum().getIsMonotonic()).isTrue();
        assertThat(tokenUsage.getSum().getAggregationTemporality())
                .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
        assertThat(metrics("claude_code.cost.usage").get(0).getUnit()).isEqualTo("USD");

        assertThat(tokens(p -> "input".equals(attr(p, "type")))).isEqualTo(112);
        assertThat(tokens(p -> "output".equals(attr(p, "type")))).isEqualTo(980);
        assertThat(tokens(p -> "cacheCreation".equals(attr(p, "type")))).isEqualTo(1_800);
        assertThat(tokens(p -> "cacheRead".equals(attr(p, "type")))).isEqualTo(16_000);
        assertThat(tokens(p -> OPUS.equals(attr(p, "model")) && S1.equals(attr(p, "session.id"))
                && "output".equals(attr(p, "type")))).isEqualTo(900);
        assertThat(cost(S1)).isCloseTo(ledgerTotals(S1).cost(), within(1e-12)).isPositive();
        assertThat(cost(S2)).isCloseTo(ledgerTotals(S2).cost(), within(1e-12)).isPositive();
        // Each session's points start at its first request, so a resend replaces rather than adds.
        assertThat(tokenUsage.getSum().getDataPointsList()).filteredOn(p -> S1.equals(attr(p, "session.id")))
                .extracting(NumberDataPoint::getStartTimeUnixNano)
                .containsOnly(Instant.parse("2026-01-01T10:00:00Z").toEpochMilli() * 1_000_000);

        int requests = received.size();
        assertThat(exports.export(target()).records()).as("nothing new").isZero();
        assertThat(received).as("nothing sent when nothing is new").hasSize(requests);

        s2.assistant("msg_4", "req_4", OPUS, "2026-01-02T09:10:00.000Z", 1, 2, 0, 30, "end_turn")
                .writeTo(claude.resolve("projects/-work-beta/" + S2 + ".jsonl"));
        sync();
        received.clear();
        OtlpExportResult third = exports.export(target());

        assertThat(third.records()).isEqualTo(1);
        assertThat(third.sessions()).isEqualTo(1);
        assertThat(tokens(p -> S1.equals(attr(p, "session.id")))).as("session 1 is not resent").isZero();
        assertThat(tokens(p -> S2.equals(attr(p, "session.id")) && "cacheRead".equals(attr(p, "type"))))
                .as("session 2 whole: its cumulative total").isEqualTo(30);
        assertThat(tokens(p -> S2.equals(attr(p, "session.id")) && "output".equals(attr(p, "type")))).isEqualTo(62);
        assertThat(cost(S2)).isCloseTo(ledgerTotals(S2).cost(), within(1e-12));
    }

    @Test
    void aRefusedExportMarksNothingAndTheNextOneSendsItAgain() throws Exception {
        TranscriptBuilder.session(S1)
                .assistant("msg_1", "req_1", SONNET, "2026-01-01T10:00:00.000Z", 100, 20, 300, 4_000, "end_turn")
                .writeTo(claude.resolve("projects/-work-alpha/" + S1 + ".jsonl"));
        sync();
        OtlpExports exports = injector.getInstance(OtlpExports.class);
        status.set(400);

        Throwable refused = catchThrowable(() -> exports.export(target()));

        assertThat(refused).isInstanceOf(AppException.class).hasMessage("OTLP export to http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/v1/metrics failed: the endpoint answered HTTP 400; nothing"
                + " was marked, the next export sends it again");
        status.set(200);
        assertThat(exports.export(target()).records()).isEqualTo(1);
        assertThat(tokens(p -> "output".equals(attr(p, "type")))).isEqualTo(20);

        receiver.stop(0);
        Throwable unreachable = catchThrowable(() -> exports.export(OtlpTarget.parse("http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/another/v1/metrics", List.of(), Duration.ofSeconds(2))));
        assertThat(unreachable).as("a new endpoint gets the whole history; this one is down")
                .isInstanceOf(AppException.class).hasMessageContaining("failed:");
        assertThat(Files.readString(tmp.resolve("telemetry/state/otlp-export.json"))).contains("\"seq\":");
    }

    @Test
    void urlsAndHeadersThatCannotBeUsedAreUsageErrors() {
        assertThat(OtlpTarget.parse("https://otel.example.com:4318", List.of(), Duration.ofSeconds(1)).endpoint())
                .hasToString("https://otel.example.com:4318/v1/metrics");
        assertThat(OtlpTarget.parse("http://c:4318/custom/path?k=1", List.of(), Duration.ofSeconds(1)).describe())
                .isEqualTo("http://c:4318/custom/path");
        assertThat(catchThrowable(() -> OtlpTarget.parse("ftp://x", List.of(), Duration.ofSeconds(1))))
                .hasMessage("--otlp ftp://x: give an http:// or https:// URL, e.g. http://localhost:4318/v1/metrics");
        assertThat(catchThrowable(() -> OtlpTarget.parse("http://u:p@x:4318", List.of(), Duration.ofSeconds(1))))
                .hasMessage("--otlp: put credentials in --otlp-header, not in the URL");
        assertThat(catchThrowable(() -> OtlpTarget.parse("http://x", List.of("novalue"), Duration.ofSeconds(1))))
                .hasMessage("--otlp-header: give NAME=VALUE (got a header without a name)");
    }
}
