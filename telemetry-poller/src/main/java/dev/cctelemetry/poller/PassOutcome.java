package dev.cctelemetry.poller;

import dev.cctelemetry.core.sync.SyncSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one reconciliation pass, logged and recorded for {@code doctor}.
 *
 * @param started when the pass began (wall clock)
 * @param roots Claude roots scanned
 * @param summary what the ingest did; empty when it failed before finishing
 * @param error a one-line reason when the pass failed; empty when it succeeded
 * @param elapsed how long the pass took (monotonic clock)
 */
public record PassOutcome(Instant started, int roots, Optional<SyncSummary> summary, Optional<String> error,
        Duration elapsed) {

    /** Validates the fields. */
    public PassOutcome {
        Objects.requireNonNull(started, "started is null");
        Objects.requireNonNull(summary, "summary is null");
        Objects.requireNonNull(error, "error is null");
        Objects.requireNonNull(elapsed, "elapsed is null");
    }

    /** A pass that ingested and ran its after-pass work. */
    public static PassOutcome ok(Instant started, int roots, SyncSummary summary, Duration elapsed) {
        return new PassOutcome(started, roots, Optional.of(summary), Optional.empty(), elapsed);
    }

    /** A pass that failed; {@code summary} is present when the ingest committed but the after-pass work failed. */
    public static PassOutcome failed(Instant started, int roots, Optional<SyncSummary> summary, String error,
            Duration elapsed) {
        return new PassOutcome(started, roots, summary, Optional.of(error), elapsed);
    }

    /** Whether the pass succeeded. */
    public boolean ok() {
        return error.isEmpty();
    }

    /** The log line's description of the pass: files checked, sessions reconciled, records added, elapsed. */
    public String describe() {
        String counts = summary.map(s -> String.format(Locale.ROOT,
                "%,d files checked (%,d read, %,d bytes) in %d roots, %,d sessions reconciled, %,d records added,"
                        + " %,d updated",
                s.filesScanned(), s.filesRead(), s.bytesRead(), roots, s.sessionsTouched(), s.newRecords(),
                s.updatedRecords())).orElse("no ingest");
        String took = String.format(Locale.ROOT, "%.3f s", elapsed.toNanos() / 1e9);
        return error.map(e -> "pass failed: " + e + " (" + counts + ", " + took + ")")
                .orElseGet(() -> "pass ok: " + counts + ", " + took);
    }
}
