package dev.cctelemetry.testing;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The processes of one tmux pane, followed until every one of them is gone: the pane's shell, Claude Code under it,
 * and whatever Claude Code starts while it shuts down (SessionEnd hooks, the statusLine command). Killing the tmux
 * server only hangs up the terminal; Claude Code then runs its SessionEnd hooks and saves {@code ~/.claude.json}, and
 * on a loaded machine that goes on for seconds, writing into a temp HOME that JUnit is already deleting ("Failed to
 * delete temp directory ... home"). A session's {@code close} therefore waits here before it returns.
 *
 * <p>Each handle carries its process's start time, so a pid reused by an unrelated process is never mistaken for
 * one of ours. Children are collected on every poll while their parent lives: a child started and orphaned between
 * two polls (50 ms) could still be missed, which is why the snapshot also takes every process on the pane's
 * terminal.
 */
final class PaneProcesses {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);

    private final Set<ProcessHandle> known = new LinkedHashSet<>();

    private PaneProcesses(List<Long> pids) {
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(known::add));
        collectChildren();
    }

    /** The processes with these pids (those still running) and their descendants, as they are now. */
    static PaneProcesses of(List<Long> pids) {
        return new PaneProcesses(pids);
    }

    /**
     * Waits up to {@code grace} for every process to end by itself, then kills the rest (SIGKILL) and waits a little
     * more. Returns a description of the processes still running after that, empty when none is.
     */
    String awaitAllGone(Duration grace) {
        if (awaitGone(grace)) {
            return "";
        }
        alive().forEach(ProcessHandle::destroyForcibly);
        return awaitGone(AFTER_KILL) ? "" : describe(alive());
    }

    private boolean awaitGone(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            collectChildren();
            if (alive().isEmpty()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void collectChildren() {
        for (ProcessHandle p : List.copyOf(known)) {
            if (p.isAlive()) {
                p.descendants().forEach(known::add);
            }
        }
    }

    private List<ProcessHandle> alive() {
        return known.stream().filter(ProcessHandle::isAlive).toList();
    }

    private static String describe(List<ProcessHandle> processes) {
        return processes.stream()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .collect(Collectors.joining("\n"));
    }
}
