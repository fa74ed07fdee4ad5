package dev.cctelemetry.app.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.SumData;
import io.opentelemetry.sdk.resources.Resource;
import dev.cctelemetry.core.query.Picodollars;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Session totals as the two metrics of Claude Code's own OpenTelemetry export, with its names and attributes:
 * {@code claude_code.token.usage} (tokens; {@code type} = {@code input}, {@code output}, {@code cacheRead},
 * {@code cacheCreation}; {@code model}; {@code session.id}) and {@code claude_code.cost.usage} (USD; {@code model},
 * {@code session.id}). The points are cumulative from the session's first request: sending a session again (it
 * grew, or an export was retried) replaces its value in the backend instead of adding to it.
 */
final class ClaudeCodeMetrics {

    static final String TOKEN_USAGE = "claude_code.token.usage";
    static final String COST_USAGE = "claude_code.cost.usage";
    static final AttributeKey<String> TYPE = AttributeKey.stringKey("type");
    static final AttributeKey<String> MODEL = AttributeKey.stringKey("model");
    static final AttributeKey<String> SESSION_ID = AttributeKey.stringKey("session.id");

    private final Resource resource;
    private final InstrumentationScopeInfo scope;

    /**
     * @param resource who sends (service, host)
     * @param scope the instrumentation scope the points are filed under
     */
    ClaudeCodeMetrics(Resource resource, InstrumentationScopeInfo scope) {
        this.resource = resource;
        this.scope = scope;
    }

    /**
     * The two metrics for these series.
     *
     * @param series session and model totals
     * @param totals where each session's start is known
     * @param nowMillis the points' time
     */
    List<MetricData> of(Map<SessionTotals.Key, SessionTotals.Sum> series, SessionTotals totals, long nowMillis) {
        List<LongPointData> tokens = new ArrayList<>();
        List<DoublePointData> cost = new ArrayList<>();
        long now = TimeUnit.MILLISECONDS.toNanos(nowMillis);
        series.forEach((k, s) -> {
            long start = TimeUnit.MILLISECONDS.toNanos(Math.min(totals.firstMillis(k.sessionId()), nowMillis));
            Attributes base = Attributes.of(MODEL, k.model(), SESSION_ID, k.sessionId());
            tokenPoint(tokens, start, now, base, "input", s.input);
            tokenPoint(tokens, start, now, base, "output", s.output);
            tokenPoint(tokens, start, now, base, "cacheRead", s.cacheRead);
            tokenPoint(tokens, start, now, base, "cacheCreation", s.cacheCreation);
            cost.add(DoublePointData.create(start, now, base, Picodollars.usd(s.costPicos), List.of()));
        });
        return List.of(
                new SumMetric(resource, scope, TOKEN_USAGE, "Number of tokens used", "tokens", MetricDataType.LONG_SUM,
                        SumData.createLongSumData(true, AggregationTemporality.CUMULATIVE, tokens)),
                new SumMetric(resource, scope, COST_USAGE, "Cost of the Claude Code session", "USD",
                        MetricDataType.DOUBLE_SUM,
                        SumData.createDoubleSumData(true, AggregationTemporality.CUMULATIVE, cost)));
    }

    private static void tokenPoint(List<LongPointData> out, long start, long now, Attributes base, String type,
            long value) {
        if (value > 0) {
            out.add(LongPointData.create(start, now, base.toBuilder().put(TYPE, type).build(), value));
        }
    }
}
