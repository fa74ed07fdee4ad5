package dev.cctelemetry.core.report;

import dev.cctelemetry.core.usage.ReportedUsage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits records into ccusage's billing blocks ({@code identify_session_blocks} in ccusage 20.0.24, identical to
 * its TypeScript {@code _session-blocks.ts}): a block starts at the UTC hour floor of its first record and takes
 * every following record until one lies more than the block length after the block start or after the
 * previous record (strict {@code >}); a silence longer than the block length also yields a gap block.
 */
final class BlockBuilder {

    private static final double MILLIS_PER_MINUTE = 60_000.0;

    private final Duration length;
    private final Instant now;

    BlockBuilder(Duration length, Instant now) {
        this.length = length;
        this.now = now;
    }

    private final List<BlockRow> blocks = new ArrayList<>();
    /** The open block: its start (null before the first record), first and latest record, and usage so far. */
    private Instant start;
    private Instant first;
    private Instant last;
    private UsageAccumulator usage;

    /** Takes the next record; records must come oldest first. */
    void add(ReportedUsage r) {
        Instant t = r.timestamp();
        if (start != null) {
            boolean pastBlock = Duration.between(start, t).compareTo(length) > 0;
            boolean silence = Duration.between(last, t).compareTo(length) > 0;
            if (pastBlock || silence) {
                blocks.add(block());
                if (silence) {
                    blocks.add(gap(last.plus(length), t));
                }
                start = null;
            }
        }
        if (start == null) {
            start = t.truncatedTo(ChronoUnit.HOURS);
            first = t;
            usage = new UsageAccumulator();
        }
        last = t;
        usage.add(r);
    }

    /** The blocks, oldest first, the open one included. */
    List<BlockRow> finish() {
        if (start != null) {
            blocks.add(block());
            start = null;
        }
        return List.copyOf(blocks);
    }

    private BlockRow block() {
        Instant end = start.plus(length);
        boolean active = Duration.between(last, now).compareTo(length) < 0 && now.isBefore(end);
        UsageSummary summary = usage.summary();
        Optional<BurnRate> rate = active ? burnRate(summary, first, last) : Optional.empty();
        Optional<BlockProjection> projection = rate.map(b -> project(summary, b, end));
        return new BlockRow(ReportTime.iso(start), start, end, Optional.of(last), active, false, summary, rate,
                projection);
    }

    private static BlockRow gap(Instant start, Instant end) {
        return new BlockRow("gap-" + ReportTime.iso(start), start, end, Optional.empty(), false, true,
                UsageSummary.EMPTY, Optional.empty(), Optional.empty());
    }

    private static Optional<BurnRate> burnRate(UsageSummary usage, Instant first, Instant last) {
        double minutes = Duration.between(first, last).toMillis() / MILLIS_PER_MINUTE;
        if (minutes <= 0) {
            return Optional.empty();
        }
        long nonCache = usage.tokens().input() + usage.tokens().output();
        return Optional.of(new BurnRate(usage.totalTokens() / minutes, nonCache / minutes,
                usage.cost() / minutes * 60));
    }

    private BlockProjection project(UsageSummary usage, BurnRate rate, Instant end) {
        double remaining = Math.max(0, Duration.between(now, end).toMillis() / MILLIS_PER_MINUTE);
        double tokens = usage.totalTokens() + rate.tokensPerMinute() * remaining;
        double cost = usage.cost() + rate.costPerHour() / 60 * remaining;
        return new BlockProjection(Math.round(tokens), Math.round(cost * 100) / 100.0, Math.round(remaining));
    }
}
