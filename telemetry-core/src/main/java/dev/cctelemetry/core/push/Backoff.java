package dev.cctelemetry.core.push;

import java.time.Duration;
import java.util.Objects;

/**
 * How long automatic pushes wait after consecutive failures: {@code first}, doubling, at most {@code max}.
 *
 * @param first wait after one failure
 * @param max longest wait
 */
public record Backoff(Duration first, Duration max) {

    /** 30 s, 1 min, 2 min … up to 30 min: a laptop back online catches up within half an hour. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30));

    public Backoff {
        Objects.requireNonNull(first, "first is null");
        Objects.requireNonNull(max, "max is null");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= max");
        }
    }

    /** The wait after {@code failures} consecutive failures (at least 1). */
    public Duration delay(int failures) {
        Duration d = first;
        for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
