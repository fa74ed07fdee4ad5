package dev.cctelemetry.core.report;

import dev.cctelemetry.core.usage.UsageRecord;
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

    /** Blocks over records sorted by timestamp, oldest first. */
    List<BlockRow> build(List<UsageRecord> sorted) {
        List<BlockRow> blocks = new ArrayList<>();
        Instant start = null;
        List<UsageRecord> current = new ArrayList<>();
        for (UsageRecord r : sorted) {
            Instant t = r.timestamp();
            if (start == null) {
                start = t.truncatedTo(ChronoUnit.HOURS);
                current.add(r);
                continue;
            }
            Instant last = current.get(current.size() - 1).timestamp();
            boolean pastBlock = Duration.between(start, t).compareTo(length) > 0;
            boolean silence = Duration.between(last, t).compareTo(length) > 0;
            if (pastBlock || silence) {
                blocks.add(block(start, current));
                if (silence) {
                    blocks.add(gap(last.plus(length), t));
                }
                start = t.truncatedTo(ChronoUnit.HOURS);
                current = new ArrayList<>();
            }
            current.add(r);
        }
        if (start != null) {
            blocks.add(block(start, current));
        }
        return blocks;
    }

    private BlockRow block(Instant start, List<UsageRecord> records) {
        Instant end = start.plus(length);
        Instant first = records.get(0).timestamp();
        Instant actualEnd = records.get(records.size() - 1).timestamp();
        boolean active = Duration.between(actualEnd, now).compareTo(length) < 0 && now.isBefore(end);
        UsageAccumulator acc = new UsageAccumulator();
        records.forEach(acc::add);
        UsageSummary usage = acc.summary();
        Optional<BurnRate> rate = active ? burnRate(usage, first, actualEnd) : Optional.empty();
        Optional<BlockProjection> projection = rate.map(b -> project(usage, b, end));
        return new BlockRow(ReportTime.iso(start), start, end, Optional.of(actualEnd), active, false, usage, rate,
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
