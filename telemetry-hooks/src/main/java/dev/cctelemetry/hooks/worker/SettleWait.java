package dev.cctelemetry.hooks.worker;

import dev.cctelemetry.core.port.out.Sleeper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Waits until a transcript stops growing. Claude Code writes transcripts asynchronously, so when SessionEnd fires
 * the last lines may not be on disk yet. The file counts as settled when its last complete line is a
 * {@code cost-state} line (current versions write it last) or when its size has not changed for
 * {@link SettleConfig#quiet()}; the wait never exceeds {@link SettleConfig#cap()}.
 *
 * <p>The quiet time counts from the file's last modification when that is earlier than the wait's start: every
 * write moves it, so a transcript last written before the hook fired (the worker JVM takes a few hundred
 * milliseconds to get here) has already been quiet that long, and a SessionEnd is not held back by a wait that
 * has in fact already passed. A modification time in the future (clock skew) counts as a change now; one with no
 * sub-second part (a file system that keeps whole or even seconds) is taken as two seconds later, its latest
 * possible value.
 */
public final class SettleWait {

    /** Bytes at the end of the file searched for the last line; a cost-state line is far shorter. */
    static final int TAIL_BYTES = 64 * 1024;
    private static final String COST_STATE = "\"type\":\"cost-state\"";
    /** FAT keeps modification times in steps of two seconds, HFS+ and some network file systems in seconds. */
    private static final Duration COARSE_TIMESTAMP_SLACK = Duration.ofSeconds(2);

    private final Clock clock;
    private final Sleeper sleeper;
    private final SettleConfig config;

    /**
     * A settle wait.
     *
     * @param clock measures the quiet time and the cap
     * @param sleeper waits between checks
     * @param config how long to wait
     */
    public SettleWait(Clock clock, Sleeper sleeper, SettleConfig config) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper is null");
        this.config = Objects.requireNonNull(config, "config is null");
    }

    /** Waits for {@code transcript} to settle and says how the wait ended. */
    public Settled await(Path transcript) throws InterruptedException {
        Instant start = clock.instant();
        long lastSize = size(transcript);
        Instant lastChange = quietSince(transcript, start);
        while (true) {
            if (endsWithCostState(transcript)) {
                return Settled.COST_STATE;
            }
            Instant now = clock.instant();
            if (Duration.between(lastChange, now).compareTo(config.quiet()) >= 0) {
                return Settled.QUIET;
            }
            if (Duration.between(start, now).compareTo(config.cap()) >= 0) {
                return Settled.CAPPED;
            }
            sleeper.sleep(config.poll());
            long size = size(transcript);
            if (size != lastSize) {
                lastSize = size;
                lastChange = clock.instant();
            }
        }
    }

    /** When the file was last written as far as its modification time tells, at the latest {@code now}. */
    private static Instant quietSince(Path p, Instant now) {
        try {
            Instant modified = Files.getLastModifiedTime(p).toInstant();
            if (modified.getNano() == 0) {
                modified = modified.plus(COARSE_TIMESTAMP_SLACK);
            }
            return modified.isBefore(now) ? modified : now;
        } catch (IOException e) {
            return now;
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Whether the last complete line of the file is a cost-state line. */
    static boolean endsWithCostState(Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            long size = ch.size();
            int n = (int) Math.min(size, TAIL_BYTES);
            if (n == 0) {
                return false;
            }
            ByteBuffer buf = ByteBuffer.allocate(n);
            long pos = size - n;
            while (buf.hasRemaining()) {
                int r = ch.read(buf, pos + buf.position());
                if (r < 0) {
                    break;
                }
            }
            String tail = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            if (!tail.endsWith("\n")) {
                return false; // a line is still being written
            }
            String body = tail.substring(0, tail.length() - 1);
            String last = body.substring(body.lastIndexOf('\n') + 1);
            return last.contains(COST_STATE);
        } catch (IOException e) {
            return false;
        }
    }

    /** How a wait ended. */
    public enum Settled {
        /** The last line is Claude Code's cost-state: the session is fully written. */
        COST_STATE,
        /** The size stopped changing. */
        QUIET,
        /** The cap was reached while the file was still changing. */
        CAPPED
    }
}
