package dev.cctelemetry.hooks.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the worker waits, on SessionEnd, for Claude Code to finish writing the transcript.
 *
 * @param quiet the file counts as settled once its size has not changed for this long
 * @param cap never wait longer than this in total (the daemon's sweep catches anything later)
 * @param poll how often the size is checked
 */
public record SettleConfig(Duration quiet, Duration cap, Duration poll) {

    /** 300 ms of quiet, at most 3 s, checked every 50 ms. */
    public static final SettleConfig DEFAULT =
            new SettleConfig(Duration.ofMillis(300), Duration.ofSeconds(3), Duration.ofMillis(50));

    /** Never wait. */
    public static final SettleConfig NONE = new SettleConfig(Duration.ZERO, Duration.ZERO, Duration.ofMillis(1));

    public SettleConfig {
        Objects.requireNonNull(quiet, "quiet is null");
        Objects.requireNonNull(cap, "cap is null");
        Objects.requireNonNull(poll, "poll is null");
        if (quiet.isNegative() || cap.isNegative()) {
            throw new IllegalArgumentException("quiet and cap must not be negative");
        }
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("poll must be positive");
        }
    }
}
