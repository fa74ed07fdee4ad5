package dev.cctelemetry.core.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One ccusage 5-hour billing block, or the gap between two blocks.
 *
 * @param id ISO start time, or {@code gap-<ISO start>} for a gap
 * @param start block start: the UTC hour floor of its first record (gap: last record before it + block length)
 * @param end start + block length (gap: the next record's time)
 * @param actualEnd timestamp of the block's last record; empty for a gap
 * @param active whether the block is still running at report time
 * @param gap whether this is a gap block (no records)
 * @param usage the block's usage
 * @param burnRate present only for the active block with records more than an instant apart
 * @param projection present only when {@code burnRate} is
 */
public record BlockRow(String id, Instant start, Instant end, Optional<Instant> actualEnd, boolean active,
        boolean gap, UsageSummary usage, Optional<BurnRate> burnRate, Optional<BlockProjection> projection)
        implements ReportRow {

    public BlockRow {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(start, "start is null");
        Objects.requireNonNull(end, "end is null");
        Objects.requireNonNull(actualEnd, "actualEnd is null");
        Objects.requireNonNull(usage, "usage is null");
        Objects.requireNonNull(burnRate, "burnRate is null");
        Objects.requireNonNull(projection, "projection is null");
    }

    @Override
    public String label() {
        return id;
    }
}
