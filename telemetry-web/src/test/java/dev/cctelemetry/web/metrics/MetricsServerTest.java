package dev.cctelemetry.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.app.metrics.UsageMetrics;
import dev.cctelemetry.app.metrics.UsageSeries;
import dev.cctelemetry.core.query.SyncMark;
import dev.cctelemetry.core.query.SyncTrigger;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.testing.Promtool;
import dev.cctelemetry.web.DashboardServer;
import dev.cctelemetry.web.DashboardSettings;
import dev.cctelemetry.web.security.LaunchToken;
import dev.cctelemetry.web.testing.RawHttp;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code /metrics} over loopback, on its own server and on the dashboard's, read as a scraper reads it. */
class MetricsServerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final LaunchToken TOKEN = new LaunchToken("t".repeat(43));

    /** Two series of one machine, a project outside the top ones, a hook that last failed after succeeding. */
    private static final UsageMetrics METRICS = new UsageMetrics(NOW, UsageMetrics.Scope.LOCAL, List.of(
            new UsageSeries("laptop", "claude-sonnet-4", "-work-a", new TokenCounts(100, 20, 300, 40, 5_000),
                    1_234_500_000_000L, 3),
            new UsageSeries("laptop", "claude-opus-4-1", UsageMetrics.OTHER_PROJECTS, new TokenCounts(7, 900, 0, 0,
                    12_000), 75_000_000_000L, 1)),
            List.of(new SyncMark("id-1", "laptop", SyncTrigger.HOOK, Optional.of(NOW.minusSeconds(90)),
                            Optional.of(NOW.minusSeconds(30)), "disk full"),
                    new SyncMark("id-1", "laptop", SyncTrigger.DAEMON, Optional.of(NOW.minusSeconds(3_600)),
                            Optional.empty(), ""),
                    new SyncMark("id-1", "laptop", SyncTrigger.PUSH, Optional.of(NOW.minusSeconds(10)),
                            Optional.empty(), "")));

    @Test
    void theExpositionHoldsEveryLabelSetAndPassesPromtool() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        MetricsServerSettings settings = new MetricsServerSettings(InetAddress.getLoopbackAddress(), 0,
                Optional.empty());
        try (MetricsServer server = new MetricsServer(settings, () -> {
            reads.incrementAndGet();
            return METRICS;
        })) {
            assertThat(server.start().toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/metrics");
            RawHttp.Response r = RawHttp.get(server.port(), "/metrics", "127.0.0.1:" + server.port());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/plain; version=0.0.4");
            assertThat(r.body()).contains(
                    "cc_telemetry_tokens_total{kind=\"input\",machine=\"laptop\",model=\"claude-sonnet-4\","
                            + "project=\"-work-a\"} 100.0",
                    "cc_telemetry_tokens_total{kind=\"cache_creation_5m\",machine=\"laptop\",model=\"claude-sonnet-4\","
                            + "project=\"-work-a\"} 300.0",
                    "cc_telemetry_tokens_total{kind=\"cache_creation_1h\",machine=\"laptop\",model=\"claude-sonnet-4\","
                            + "project=\"-work-a\"} 40.0",
                    "cc_telemetry_tokens_total{kind=\"cache_read\",machine=\"laptop\",model=\"claude-opus-4-1\","
                            + "project=\"other\"} 12000.0",
                    "cc_telemetry_cost_usd_total{machine=\"laptop\",model=\"claude-sonnet-4\",project=\"-work-a\"}"
                            + " 1.2345",
                    "cc_telemetry_requests_total{machine=\"laptop\",model=\"claude-opus-4-1\",project=\"other\"} 1.0",
                    "cc_telemetry_sync_last_success_timestamp_seconds{machine=\"laptop\",trigger=\"hook\"} "
                            + (double) NOW.minusSeconds(90).getEpochSecond(),
                    "cc_telemetry_sync_last_failure_timestamp_seconds{machine=\"laptop\",trigger=\"hook\"} "
                            + (double) NOW.minusSeconds(30).getEpochSecond(),
                    // The newest sync of transcripts was the hook's, 90 s ago; the later push reads no transcript.
                    "cc_telemetry_sync_lag_seconds{machine=\"laptop\"} 90.0");
            assertThat(r.body()).doesNotContain("trigger=\"daemon\"} " + (double) NOW.getEpochSecond());
            Promtool.assertAccepts(r.body());

            RawHttp.Response open = RawHttp.get(server.port(), "/metrics", "127.0.0.1:" + server.port(),
                    "Accept: application/openmetrics-text; version=1.0.0; charset=utf-8");
            assertThat(open.header("Content-Type")).startsWith("application/openmetrics-text");
            assertThat(open.body()).endsWith("# EOF\n");
            assertThat(reads).as("read afresh at each scrape").hasValue(2);

            assertThat(RawHttp.get(server.port(), "/metrics", "evil.example:" + server.port()).status())
                    .as("a foreign Host (DNS rebinding)").isEqualTo(403);
            assertThat(RawHttp.get(server.port(), "/", "127.0.0.1:" + server.port()).status()).isEqualTo(404);
        }
    }

    @Test
    void withATokenEveryScrapeMustSendIt() throws Exception {
        MetricsServerSettings settings = new MetricsServerSettings(InetAddress.getLoopbackAddress(), 0,
                Optional.of(TOKEN));
        try (MetricsServer server = new MetricsServer(settings, () -> METRICS)) {
            server.start();
            String host = "127.0.0.1:" + server.port();
            assertThat(RawHttp.get(server.port(), "/metrics", host).status()).isEqualTo(401);
            assertThat(RawHttp.get(server.port(), "/metrics", host, "Authorization: Bearer " + "u".repeat(43))
                    .status()).isEqualTo(401);
            RawHttp.Response ok = RawHttp.get(server.port(), "/metrics", host, "Authorization: Bearer "
                    + TOKEN.value());
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body()).contains("# TYPE cc_telemetry_tokens_total counter");
        }
    }

    @Test
    void aReadingThatFailsIsA503WithOneLineSoTheTargetShowsDown() throws Exception {
        MetricsServerSettings settings = new MetricsServerSettings(InetAddress.getLoopbackAddress(), 0,
                Optional.empty());
        try (MetricsServer server = new MetricsServer(settings, () -> {
            throw new IllegalStateException("connection refused\nat some.Driver");
        })) {
            server.start();
            RawHttp.Response r = RawHttp.get(server.port(), "/metrics", "127.0.0.1:" + server.port());
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("cc-telemetry: metrics could not be read: connection refused\n");
        }
    }

    @Test
    void beyondLoopbackATokenIsRequired() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> new MetricsServerSettings(any, 0, Optional.empty())))
                .hasMessage("listening on 0.0.0.0 (beyond this machine) needs a bearer token: give --token-file");
        assertThat(new MetricsServerSettings(any, 0, Optional.of(TOKEN)).token()).contains(TOKEN);
    }

    @Test
    void theDashboardServesMetricsToAScraperWithTheTokenAsBearer() throws Exception {
        DashboardSettings settings = new DashboardSettings(InetAddress.getLoopbackAddress(), 0, false, TOKEN,
                DashboardSettings.DEFAULT_CHANGE_POLL);
        try (DashboardServer dashboard = new DashboardServer(settings, List.of(new MetricsRoutes(() -> METRICS)),
                () -> 0L)) {
            dashboard.start();
            String host = "127.0.0.1:" + dashboard.port();
            assertThat(RawHttp.get(dashboard.port(), "/metrics", host).status()).isEqualTo(403);
            assertThat(RawHttp.get(dashboard.port(), "/metrics", host, "Authorization: Bearer " + "u".repeat(43))
                    .status()).isEqualTo(403);
            RawHttp.Response ok = RawHttp.get(dashboard.port(), "/metrics", host, "Authorization: Bearer "
                    + TOKEN.value());
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body()).contains("cc_telemetry_requests_total{machine=\"laptop\",model=\"claude-opus-4-1\","
                    + "project=\"other\"} 1.0");
            // The bearer header opens the API as the cookie does; without either, nothing.
            assertThat(RawHttp.get(dashboard.port(), "/api/meta", host).status()).isEqualTo(403);
        }
    }

}
