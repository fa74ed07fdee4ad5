package dev.cctelemetry.app.statusline;

import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.core.statusline.LocalZone;
import dev.cctelemetry.core.statusline.StatuslineFigures;
import dev.cctelemetry.core.statusline.StatuslineLine;
import dev.cctelemetry.core.statusline.StatuslinePayload;
import dev.cctelemetry.core.statusline.StatuslinePayloadParser;
import dev.cctelemetry.core.statusline.StatuslineSnapshot;
import dev.cctelemetry.store.sqlite.PublishedStatusline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code cc-telemetry statusline}: reads Claude Code's statusLine payload from stdin and prints the line, e.g.
 * {@code Opus 5.5 | session $1.23 | today $8.40 | block $4.02, $2.10/h, ends 16:00 | 5h 42% (resets 15:10)}.
 *
 * <p>Built to answer within a JVM's start-up: the figures come from the snapshot the last sync published next to
 * the ledger ({@link PublishedStatusline}; absent right after a commit, then the parts it gives are left out), the
 * all-machines total from a cache ({@link AllMachinesToday}), the limits from the payload; SQLite is opened only
 * to record plan-limit levels that changed ({@link PlanLimitRecorder}), after the line is out. The user's own
 * statusLine, when kept, runs beside ours and prints first ({@link ChainedStatusline}).
 *
 * <p>Never in Claude Code's way: at most {@link StatuslinePayloadParser#MAX_BYTES} of stdin are read, nothing
 * reaches stderr, and {@link #run} never throws.
 */
public final class StatuslineRun {

    private final InstallLayout layout;
    private final Clock clock;
    private final LocalZone zone;
    private final StatuslinePayloadParser parser = new StatuslinePayloadParser();

    /**
     * @param layout cc-telemetry's files
     * @param clock the time of the run; its zone is the zone the line's times and "today" are in
     */
    public StatuslineRun(InstallLayout layout, Clock clock) {
        this(layout, clock, LocalZone.of(clock.getZone()));
    }

    /**
     * A run whose local times are in {@code zone} rather than the clock's (the command line's: a clock needs a
     * {@code ZoneId}, which for the user's region zone costs a run tens of milliseconds; see {@link LocalZone}).
     *
     * @param layout cc-telemetry's files
     * @param clock the time of the run (its zone unused)
     * @param zone the zone the line's times and "today" are in
     */
    public StatuslineRun(InstallLayout layout, Clock clock, LocalZone zone) {
        this.layout = Objects.requireNonNull(layout, "layout is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.zone = Objects.requireNonNull(zone, "zone is null");
    }

    /**
     * Answers one payload.
     *
     * @param stdin the payload (read up to its end or the bound)
     * @param env the process environment ({@code COLUMNS})
     * @param out where the line goes, as UTF-8
     */
    public void run(InputStream stdin, Map<String, String> env, OutputStream out) {
        long start = System.nanoTime();
        try {
            byte[] payload = new byte[StatuslinePayloadParser.MAX_BYTES + 1];
            int length = readBounded(stdin, payload);
            Optional<ChainedStatusline> theirs = ChainedStatusline.start(layout.statuslineChain(),
                    ChainShell.forThisOs(env), payload, length);
            StatuslinePayload parsed = parser.parse(payload, length);
            Instant now = clock.instant();
            StatuslineFigures figures = PublishedStatusline.read(layout.ledger())
                    .map(s -> figures(s, parsed, now))
                    .orElse(StatuslineFigures.NONE);
            figures = figures.withAllMachines(new AllMachinesToday(layout.statuslineAllMachines())
                    .picos(now, zone));
            List<String> lines = new ArrayList<>();
            theirs.flatMap(t -> t.output(start)).ifPresent(lines::add);
            lines.addAll(new StatuslineLine(zone).render(parsed, figures, now, columns(env)));
            if (!lines.isEmpty()) {
                out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            if (parsed.complete()) {
                new PlanLimitRecorder(layout, clock).record(parsed.limits(), parsed.sessionId());
            }
        } catch (IOException | RuntimeException e) {
            // a status line says nothing rather than get in Claude Code's way
        }
    }

    private static StatuslineFigures figures(StatuslineSnapshot snapshot, StatuslinePayload payload, Instant now) {
        return snapshot.figures(payload.sessionId(), now);
    }

    /** Reads until the end of {@code in} or {@code buffer} is full; returns the bytes read. */
    private static int readBounded(InputStream in, byte[] buffer) throws IOException {
        int n = 0;
        while (n < buffer.length) {
            int r = in.read(buffer, n, buffer.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    private static int columns(Map<String, String> env) {
        String c = env.get("COLUMNS");
        if (c == null || c.isBlank() || c.length() > 6) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(c.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
