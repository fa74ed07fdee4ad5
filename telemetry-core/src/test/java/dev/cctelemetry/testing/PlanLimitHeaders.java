package dev.cctelemetry.testing;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The plan-limit ("unified rate limit") headers {@link FakeMessagesApi} adds to every Messages reply, as the real
 * API does for subscription and gateway sessions. Which headers Claude Code reads and what reaches the statusLine
 * payload is written on {@link PlanLimitWindow}.
 *
 * @param headers header name to value, in insertion order
 */
public record PlanLimitHeaders(Map<String, String> headers) {

    /** Common prefix of the plan-limit headers. */
    public static final String PREFIX = "anthropic-ratelimit-unified-";

    public PlanLimitHeaders {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** No plan-limit headers (what an API-key account gets). */
    public static PlanLimitHeaders none() {
        return new PlanLimitHeaders(Map.of());
    }

    /**
     * These headers plus one window's utilization (a fraction: 0.42 is 42 %) and reset time (sent as epoch seconds).
     */
    public PlanLimitHeaders with(PlanLimitWindow window, double utilization, Instant resetsAt) {
        Objects.requireNonNull(window, "window is null");
        Objects.requireNonNull(resetsAt, "resetsAt is null");
        return withHeader(window.utilizationHeader(), Double.toString(utilization))
                .withHeader(window.resetHeader(), Long.toString(resetsAt.getEpochSecond()));
    }

    /** These headers plus any other header (e.g. {@code anthropic-ratelimit-unified-status: allowed}). */
    public PlanLimitHeaders withHeader(String name, String value) {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(value, "value is null");
        Map<String, String> next = new LinkedHashMap<>(headers);
        next.put(name, value);
        return new PlanLimitHeaders(next);
    }
}
