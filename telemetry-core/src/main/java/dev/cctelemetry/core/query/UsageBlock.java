package dev.cctelemetry.core.query;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One of ccusage's billing blocks (5 hours unless configured), or the gap between two blocks.
 *
 * @param id ISO start time, or {@code gap-<ISO start>} for a gap
 * @param start block start: the UTC hour floor of its first request (gap: last request before it + block length)
 * @param end start + block length (gap: the next request's time)
 * @param actualEnd time of the block's last request; empty for a gap
 * @param active whether the block is still running at the time the query was asked for
 * @param gap whether this is a gap (no requests)
 * @param usage the block's usage
 * @param burnRate present only for the active block with requests more than an instant apart
 * @param projection present only when {@code burnRate} is
 */
public record UsageBlock(String id, Instant start, Instant end, Optional<Instant> actualEnd, boolean active,
        boolean gap, UsageSummary usage, Optional<BurnRate> burnRate, Optional<BlockProjection> projection) {

    public UsageBlock {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(start, "start is null");
        Objects.requireNonNull(end, "end is null");
        Objects.requireNonNull(actualEnd, "actualEnd is null");
        Objects.requireNonNull(usage, "usage is null");
        Objects.requireNonNull(burnRate, "burnRate is null");
        Objects.requireNonNull(projection, "projection is null");
    }
}
