package dev.cctelemetry.web.metrics;

import dev.cctelemetry.app.metrics.UsageMetrics;
import dev.cctelemetry.app.metrics.UsageSeries;
import dev.cctelemetry.core.query.SyncMark;
import dev.cctelemetry.core.query.SyncTrigger;
import dev.cctelemetry.core.usage.TokenCounts;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The usage metrics as the Prometheus client's snapshots. Names (the text format adds {@code _total} to counters):
 * <ul>
 *   <li>{@code cc_telemetry_tokens_total{machine,model,project,kind}}: kind is {@code input}, {@code output},
 *       {@code cache_creation_5m}, {@code cache_creation_1h} or {@code cache_read};</li>
 *   <li>{@code cc_telemetry_cost_usd_total{machine,model,project}} and
 *       {@code cc_telemetry_requests_total{machine,model,project}};</li>
 *   <li>{@code cc_telemetry_sync_last_success_timestamp_seconds{machine,trigger}} and
 *       {@code cc_telemetry_sync_last_failure_timestamp_seconds{machine,trigger}}: trigger is {@code hook},
 *       {@code daemon}, {@code manual} or {@code push};</li>
 *   <li>{@code cc_telemetry_sync_lag_seconds{machine}}: seconds since the machine's newest successful sync (of
 *       its transcripts into its ledger; from the shared store, of its push).</li>
 * </ul>
 * The counters are the ledger's totals since its first record, so they only grow (a repair that drops records
 * is a counter reset, which {@code rate()} and {@code increase()} handle).
 */
final class UsageMetricSnapshots {

    private static final String MACHINE = "machine";
    private static final String MODEL = "model";
    private static final String PROJECT = "project";
    private static final String KIND = "kind";
    private static final String TRIGGER = "trigger";

    private UsageMetricSnapshots() {
    }

    /** The snapshots of one reading. */
    static MetricSnapshots of(UsageMetrics m) {
        CounterSnapshot.Builder tokens = CounterSnapshot.builder().name("cc_telemetry_tokens")
                .help("Tokens of Claude API responses recorded in the ledger, by kind (deduplicated, exact)");
        CounterSnapshot.Builder cost = CounterSnapshot.builder().name("cc_telemetry_cost_usd")
                .help("Cost in USD of the recorded responses, at the price table's rates");
        CounterSnapshot.Builder requests = CounterSnapshot.builder().name("cc_telemetry_requests")
                .help("Claude API responses recorded (records with at least one token)");
        for (UsageSeries s : m.usage()) {
            Labels labels = Labels.of(MACHINE, s.machine(), MODEL, s.model(), PROJECT, s.project());
            TokenCounts t = s.tokens();
            tokens.dataPoint(counter(labels.add(KIND, "input"), t.input()));
            tokens.dataPoint(counter(labels.add(KIND, "output"), t.output()));
            tokens.dataPoint(counter(labels.add(KIND, "cache_creation_5m"), t.cacheWrite5m()));
            tokens.dataPoint(counter(labels.add(KIND, "cache_creation_1h"), t.cacheWrite1h()));
            tokens.dataPoint(counter(labels.add(KIND, "cache_read"), t.cacheRead()));
            cost.dataPoint(counter(labels, s.cost()));
            requests.dataPoint(counter(labels, s.requests()));
        }
        return MetricSnapshots.of(tokens.build(), cost.build(), requests.build(),
                timestamps(m, "cc_telemetry_sync_last_success_timestamp_seconds",
                        "Unix time of the last successful sync (or push) of each machine, by trigger",
                        SyncMark::lastSuccess),
                timestamps(m, "cc_telemetry_sync_last_failure_timestamp_seconds",
                        "Unix time of the last failed sync (or push) of each machine, by trigger",
                        SyncMark::lastFailure),
                lag(m));
    }

    private static GaugeSnapshot timestamps(UsageMetrics m, String name, String help,
            Function<SyncMark, Optional<Instant>> which) {
        GaugeSnapshot.Builder g = GaugeSnapshot.builder().name(name).help(help).unit(Unit.SECONDS);
        for (SyncMark mark : m.syncs()) {
            which.apply(mark).ifPresent(at -> g.dataPoint(gauge(Labels.of(MACHINE, machine(mark), TRIGGER,
                    mark.trigger().name().toLowerCase(Locale.ROOT)), at.toEpochMilli() / 1000.0)));
        }
        return g.build();
    }

    /**
     * Seconds since each machine's newest success: of a sync locally (a push reads no transcript), of a push in
     * the shared store (the only mark it keeps).
     */
    private static GaugeSnapshot lag(UsageMetrics m) {
        boolean local = m.scope() == UsageMetrics.Scope.LOCAL;
        Map<String, Instant> newest = new HashMap<>();
        for (SyncMark mark : m.syncs()) {
            if (mark.lastSuccess().isPresent() && (mark.trigger() == SyncTrigger.PUSH) != local) {
                newest.merge(machine(mark), mark.lastSuccess().get(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        GaugeSnapshot.Builder g = GaugeSnapshot.builder().name("cc_telemetry_sync_lag_seconds").unit(Unit.SECONDS)
                .help(local ? "Seconds since the machine's newest successful sync of its transcripts"
                        : "Seconds since the machine's newest push to the shared store");
        newest.forEach((machine, at) -> g.dataPoint(gauge(Labels.of(MACHINE, machine),
                Math.max(0, Duration.between(at, m.at()).toMillis()) / 1000.0)));
        return g.build();
    }

    private static String machine(SyncMark mark) {
        return mark.machineName().isEmpty() ? mark.machineId() : mark.machineName();
    }

    private static CounterDataPointSnapshot counter(Labels labels, double value) {
        return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    private static GaugeDataPointSnapshot gauge(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
