package dev.cctelemetry.core.query;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts activity into ccusage's billing blocks ({@code identify_session_blocks} in ccusage 20.0.24, identical to its
 * TypeScript {@code _session-blocks.ts}): a block starts at the UTC hour floor of its first request and takes
 * every following request until one lies more than the block length after the block start or after the previous
 * request (strict {@code >}); a silence longer than the block length also yields a gap.
 *
 * <p>It is fed <em>runs</em> of activity oldest first: a single record, or a run of records a store summed
 * together, given by its first and last time. Records without tokens take part, as in ccusage: they move
 * boundaries though they count nowhere. A run must not straddle a cut: no two consecutive requests in it
 * more than the block length apart, and it must fit in the block it joins or opens (checked). Usage is not its
 * business: it says which block each run joined, the caller sums each block's usage, and {@link #blocks} makes
 * the rows. Not thread-safe.
 */
public final class BlockTimeline {

    private static final double MILLIS_PER_MINUTE = 60_000.0;

    private final Duration length;
    private final List<Span> spans = new ArrayList<>();
    private Instant start;
    private Instant first;
    private Instant last;

    /** A timeline of blocks of {@code length}; positive. */
    public BlockTimeline(Duration length) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("block length must be positive: " + length);
        }
        this.length = length;
    }

    /**
     * One block's extent.
     *
     * @param start the UTC hour floor of its first request
     * @param first its first request's time
     * @param last its last request's time
     */
    public record Span(Instant start, Instant first, Instant last) {
    }

    /**
     * Takes the next run of activity (not older than the previous one).
     *
     * @param runFirst time of the run's first request
     * @param runLast time of its last request
     * @return the index of the block the run belongs to (0 for the first block)
     * @throws IllegalArgumentException when the run would straddle a cut or comes out of order
     */
    public int add(Instant runFirst, Instant runLast) {
        if (runLast.isBefore(runFirst) || (last != null && runFirst.isBefore(last))) {
            throw new IllegalArgumentException("activity out of order: " + runFirst + ".." + runLast);
        }
        if (start != null) {
            boolean pastBlock = Duration.between(start, runFirst).compareTo(length) > 0;
            boolean silence = Duration.between(last, runFirst).compareTo(length) > 0;
            if (pastBlock || silence) {
                close();
            }
        }
        if (start == null) {
            start = runFirst.truncatedTo(ChronoUnit.HOURS);
            first = runFirst;
        }
        if (Duration.between(start, runLast).compareTo(length) > 0) {
            throw new IllegalArgumentException("a run from " + runFirst + " to " + runLast
                    + " straddles the end of the block starting " + start);
        }
        last = runLast;
        return spans.size();
    }

    /** The blocks' extents so far, oldest first, the open one included. */
    public List<Span> spans() {
        List<Span> out = new ArrayList<>(spans);
        if (start != null) {
            out.add(new Span(start, first, last));
        }
        return out;
    }

    /**
     * The blocks with their usage and the gaps between them, oldest first. A block without a request (only
     * zero-token placeholders) is left out, as are rows without tokens everywhere; the gap around it is then one
     * gap between the blocks shown.
     *
     * @param usage each block's usage, in the order of {@link #spans()}
     * @param now the time that decides which block is active, its burn rate and projection
     */
    public List<UsageBlock> blocks(List<UsageSummary> usage, Instant now) {
        List<Span> all = spans();
        if (usage.size() != all.size()) {
            throw new IllegalArgumentException(all.size() + " blocks but " + usage.size() + " usages");
        }
        List<UsageBlock> out = new ArrayList<>();
        Span previous = null;
        for (int i = 0; i < all.size(); i++) {
            Span s = all.get(i);
            if (usage.get(i).isEmpty()) {
                continue;
            }
            if (previous != null && Duration.between(previous.last(), s.first()).compareTo(length) > 0) {
                Instant gapStart = previous.last().plus(length);
                out.add(new UsageBlock("gap-" + IsoMillis.format(gapStart), gapStart, s.first(), Optional.empty(),
                        false, true, UsageSummary.EMPTY, Optional.empty(), Optional.empty()));
            }
            out.add(block(s, usage.get(i), now));
            previous = s;
        }
        return out;
    }

    private void close() {
        spans.add(new Span(start, first, last));
        start = null;
    }

    private UsageBlock block(Span s, UsageSummary usage, Instant now) {
        Instant end = s.start().plus(length);
        boolean active = Duration.between(s.last(), now).compareTo(length) < 0 && now.isBefore(end);
        Optional<BurnRate> rate = active ? burnRate(usage, s.first(), s.last()) : Optional.empty();
        Optional<BlockProjection> projection = rate.map(b -> project(usage, b, end, now));
        return new UsageBlock(IsoMillis.format(s.start()), s.start(), end, Optional.of(s.last()), active, false, usage, rate,
                projection);
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

    private static BlockProjection project(UsageSummary usage, BurnRate rate, Instant end, Instant now) {
        double remaining = Math.max(0, Duration.between(now, end).toMillis() / MILLIS_PER_MINUTE);
        double tokens = usage.totalTokens() + rate.tokensPerMinute() * remaining;
        double cost = usage.cost() + rate.costPerHour() / 60 * remaining;
        return new BlockProjection(Math.round(tokens), Math.round(cost * 100) / 100.0, Math.round(remaining));
    }
}
