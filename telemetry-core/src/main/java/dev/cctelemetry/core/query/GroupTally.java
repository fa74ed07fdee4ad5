package dev.cctelemetry.core.query;

import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One row's tally while requests, or a store's partial sums of them, come in (in any order): usage by model and
 * cost source, its sessions, its first and last request, and its latest project folder and working directory.
 * Every adapter builds its rows through this class, so "latest" and "distinct" mean the same everywhere. Not
 * thread-safe.
 */
public final class GroupTally {

    private final UsageTally usage = new UsageTally();
    private final Set<String> sessions = new HashSet<>();
    private long countedSessions;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private final Latest projectDir = new Latest();
    private final Latest cwd = new Latest();

    /**
     * Adds requests that share a session, model label, cost source, project folder and working directory.
     *
     * @param sessionId their session
     * @param model their model label
     * @param source where their cost came from
     * @param project their project folder ("" when unknown)
     * @param workingDir their working directory ("" when unknown)
     * @param tokens their tokens
     * @param picos their cost in picodollars
     * @param count how many requests (at least one)
     * @param firstMillis the first one's time, epoch milliseconds
     * @param lastMillis the last one's time
     */
    public void add(String sessionId, String model, CostSource source, String project, String workingDir,
            TokenCounts tokens, long picos, long count, long firstMillis, long lastMillis) {
        usage.add(model, source, tokens, picos, count);
        sessions.add(sessionId);
        first = Math.min(first, firstMillis);
        last = Math.max(last, lastMillis);
        projectDir.offer(project, lastMillis);
        cwd.offer(workingDir, lastMillis);
    }

    /**
     * Adds requests summed by a store over whole sessions' worth of rows, without their sessions (counted by the
     * store instead: {@link #countSessions}) nor their places ({@link #offerPlace}).
     *
     * @param model their model label
     * @param source where their cost came from
     * @param tokens their tokens
     * @param picos their cost in picodollars
     * @param count how many requests (at least one)
     * @param firstMillis the first one's time, epoch milliseconds
     * @param lastMillis the last one's time
     */
    public void addSums(String model, CostSource source, TokenCounts tokens, long picos, long count,
            long firstMillis, long lastMillis) {
        usage.add(model, source, tokens, picos, count);
        first = Math.min(first, firstMillis);
        last = Math.max(last, lastMillis);
    }

    /**
     * Offers a project folder and working directory whose latest request (of those added) was at {@code atMillis},
     * as {@link #add} does for each of its rows.
     */
    public void offerPlace(String project, String workingDir, long atMillis) {
        projectDir.offer(project, atMillis);
        cwd.offer(workingDir, atMillis);
    }

    /** Counts {@code n} distinct sessions, as a store counted them, besides any {@link #add} brought. */
    public void countSessions(long n) {
        countedSessions += n;
    }

    /** Whether nothing was added. */
    public boolean isEmpty() {
        return usage.isEmpty();
    }

    /** The usage so far, with its distinct sessions. */
    public UsageSummary summary() {
        return usage.summary(sessions.size() + countedSessions);
    }

    /** The first request's time; only when not {@link #isEmpty()}. */
    public Instant first() {
        return Instant.ofEpochMilli(first);
    }

    /** The last request's time; only when not {@link #isEmpty()}. */
    public Instant last() {
        return Instant.ofEpochMilli(last);
    }

    /**
     * The project folder of the latest requests that have one, "" when none has; among requests of the same
     * millisecond, the greatest name (so every store picks the same one).
     */
    public String projectDir() {
        return projectDir.value.orElse("");
    }

    /** The latest non-empty working directory, chosen as {@link #projectDir()} is; "" when none. */
    public String cwd() {
        return cwd.value.orElse("");
    }

    /** The latest non-empty value offered, by time, then by the greater value. */
    private static final class Latest {
        Optional<String> value = Optional.empty();
        long at = Long.MIN_VALUE;

        void offer(String v, long when) {
            if (v.isEmpty()) {
                return;
            }
            if (value.isEmpty() || when > at || (when == at && v.compareTo(value.get()) > 0)) {
                value = Optional.of(v);
                at = when;
            }
        }
    }
}
