package dev.cctelemetry.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need something outside the JVM (a PostgreSQL server, the Claude Code CLI, the shared corpus) skip
 * with a clear message on a developer's machine that lacks it, but fail in CI ({@code CI=true}), where
 * {@code .ci/run} installs all of it: a green CI must mean they ran.
 */
public final class RequiredInCi {

    private RequiredInCi() {
    }

    /** Skips the calling test (or fails it in CI) when {@code available} is false. */
    public static void assumeAvailable(boolean available, String whatIsMissing) {
        if (available) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(whatIsMissing + " (CI=true: .ci/run must provide it, so this test must run)");
        }
        Assumptions.assumeTrue(false, whatIsMissing);
    }
}
