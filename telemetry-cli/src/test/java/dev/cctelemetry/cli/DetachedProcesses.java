package dev.cctelemetry.cli;

import java.nio.file.Path;

/**
 * The processes a test with real hooks leaves behind: Claude Code starts the hook workers (and the Stop debounce
 * trailers) detached, so they can outlive the session and the test; each test stops those of its own folders.
 */
final class DetachedProcesses {

    private DetachedProcesses() {
    }

    /** Kills every process whose command line names something under {@code dir}, and its descendants. */
    static void stopAllUnder(Path dir) {
        String marker = dir.toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false)
                        || p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .forEach(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                });
    }
}
