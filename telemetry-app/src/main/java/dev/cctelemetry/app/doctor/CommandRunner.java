package dev.cctelemetry.app.doctor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runs a short external command (java -version, claude --version); swapped for a fake in tests. */
public interface CommandRunner {

    /**
     * Runs {@code command} and returns its exit code and combined output, or empty when it could not be
     * started or did not finish within {@code timeout} (then it is killed).
     */
    Optional<Output> run(List<String> command, Duration timeout) throws InterruptedException;

    /**
     * What a command printed.
     *
     * @param exitCode its exit code
     * @param text stdout and stderr together
     */
    record Output(int exitCode, String text) {
    }
}
