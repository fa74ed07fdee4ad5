package dev.cctelemetry.testing;

import java.util.Objects;

/**
 * How a {@code claude} run ended.
 *
 * @param exitCode the process exit code (-1 when it was killed on timeout)
 * @param stdout everything written to stdout (UTF-8)
 * @param stderr everything written to stderr (UTF-8)
 * @param timedOut whether the run hit its time limit and was killed
 */
public record ClaudeResult(int exitCode, String stdout, String stderr, boolean timedOut) {

    public ClaudeResult {
        Objects.requireNonNull(stdout, "stdout is null");
        Objects.requireNonNull(stderr, "stderr is null");
    }

    /** Exit code 0 within the time limit. */
    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    /** A one-line summary for assertion messages. */
    public String describe() {
        return "exit=" + exitCode + (timedOut ? " (timed out)" : "") + "\nstdout: " + stdout + "\nstderr: " + stderr;
    }
}
