package dev.cctelemetry.core.report;

import dev.cctelemetry.core.query.BlockProjection;
import dev.cctelemetry.core.query.BurnRate;
import dev.cctelemetry.core.query.UsageBlock;
import dev.cctelemetry.core.query.UsageSummary;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One ccusage billing block, or the gap between two blocks, as a report row.
 *
 * @param block the block
 */
public record BlockRow(UsageBlock block) implements ReportRow {

    public BlockRow {
        Objects.requireNonNull(block, "block is null");
    }

    /** ISO start time, or {@code gap-<ISO start>} for a gap. */
    @Override
    public String label() {
        return block.id();
    }

    @Override
    public UsageSummary usage() {
        return block.usage();
    }

    /** {@link UsageBlock#id()}. */
    public String id() {
        return block.id();
    }

    /** {@link UsageBlock#start()}. */
    public Instant start() {
        return block.start();
    }

    /** {@link UsageBlock#end()}. */
    public Instant end() {
        return block.end();
    }

    /** {@link UsageBlock#actualEnd()}. */
    public Optional<Instant> actualEnd() {
        return block.actualEnd();
    }

    /** {@link UsageBlock#active()}. */
    public boolean active() {
        return block.active();
    }

    /** {@link UsageBlock#gap()}. */
    public boolean gap() {
        return block.gap();
    }

    /** {@link UsageBlock#burnRate()}. */
    public Optional<BurnRate> burnRate() {
        return block.burnRate();
    }

    /** {@link UsageBlock#projection()}. */
    public Optional<BlockProjection> projection() {
        return block.projection();
    }
}
