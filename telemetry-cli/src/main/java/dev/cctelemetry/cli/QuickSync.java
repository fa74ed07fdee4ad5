package dev.cctelemetry.cli;

import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.config.ConfigStore;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.state.ManualSyncRecorder;
import dev.cctelemetry.app.sync.SyncSummaryText;
import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.core.sync.NoChangeCheck;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.ClaudeRootResolver;
import dev.cctelemetry.store.sqlite.PublishedCheckpoints;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cc-telemetry sync} when there is nothing new, which is most syncs: answered from the checkpoints the
 * last sync published next to the ledger ({@link PublishedCheckpoints}) and a {@code stat} of every transcript,
 * before the injector, the command-line framework, logging or SQLite are started. It prints exactly what the sync
 * would print and records the manual sync for {@code status} the same way.
 *
 * <p>It answers only when that is certain, and otherwise leaves the command to the usual path, which then does
 * its own work from the start: a command line other than {@code sync} with {@code --claude-dir} and
 * {@code --json}; a config that a sync would complete, or with a remote store (a sync pushes); a missing state
 * folder or Claude folder, or a sync that died holding the lock (a sync says so); no published checkpoints, or a
 * ledger committed to since they were published; any transcript that is new, has changed or was not read to its
 * end; a sync holding the lock. It takes no lock itself: it writes nothing but the status file.
 */
final class QuickSync {

    /**
     * Classes only a quick sync would load, loaded with this class: a first sync goes down the usual path and
     * makes the launcher's class-data archive, which then holds them too (a class missing from the archive makes the
     * JVM open the 24 MB jar, which was a tenth of a quick sync).
     */
    private static final List<Class<?>> QUICK_PATH_CLASSES = List.of(PublishedCheckpoints.Reader.class,
            java.util.zip.CheckedInputStream.class);

    private QuickSync() {
    }

    /** The exit code when the sync was answered here; empty when the usual path must run it. */
    static Optional<Integer> tryRun(String[] args, TelemetryEnvironment env, Clock clock, PrintWriter out) {
        long start = System.nanoTime();
        // Made before anything can send the command down the usual path, so that a first sync (which goes that
        // way and makes the launcher's class-data archive) loads these too: a class missing from the archive
        // makes the JVM open the jar, which was a tenth of a quick sync.
        NoChangeCheck check = new NoChangeCheck();
        MonotonicClock nanoTime = new MonotonicClock();
        Optional<Request> request = Request.parse(args);
        InstallLayout layout = env.layout();
        if (request.isEmpty() || !Files.isDirectory(layout.stateDir()) || lockMarked(layout)) {
            return Optional.empty();
        }
        try {
            if (!ConfigStore.isCompleteWithoutStore(Files.readAllBytes(layout.config()))) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        ClaudeRootResolver.Resolution resolution = new ClaudeRootResolver(env.env(), env.userHome())
                .resolve(request.get().claudeDirs());
        if (resolution.explicit() && !resolution.missing().isEmpty()) {
            return Optional.empty();
        }
        List<ClaudeRoot> roots = resolution.roots();
        Optional<PublishedCheckpoints.Reader> published = PublishedCheckpoints.open(layout.ledger());
        if (published.isEmpty()) {
            return Optional.empty();
        }
        SyncSummary s;
        long total;
        try (PublishedCheckpoints.Reader checkpoints = published.get()) {
            Optional<SyncSummary> summary = check.check(roots, checkpoints, nanoTime, start);
            // Trusted only whole: the copy's end and checksum are read after the walk matched every file.
            if (summary.isEmpty() || !checkpoints.verify()) {
                return Optional.empty();
            }
            s = summary.get();
            total = checkpoints.recordCount();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // torn, or not in the walk's order: the usual path decides
        }
        if (request.get().json()) {
            try {
                out.println(SyncSummaryText.toJson(s, roots, total, false, PushResult.notConfigured()));
            } catch (IOException e) {
                return Optional.empty();
            }
        } else {
            out.println(SyncSummaryText.summaryLine(s));
            out.println(SyncSummaryText.ledgerLine(layout.ledger(), total));
        }
        new ManualSyncRecorder(layout.manualSync()).record(clock.instant(), true, "",
                SyncSummaryText.statusDetail(s));
        return Optional.of(ExitCode.OK);
    }

    /**
     * Whether the sync lock carries its holder's mark: a sync is running now, or one died holding it, which the
     * next sync reports ("Recovered: …"). Either way the usual path, which waits for or reports it, runs.
     */
    private static boolean lockMarked(InstallLayout layout) {
        try {
            return Files.size(layout.syncLock()) > 0;
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    // A class rather than a lambda: a lambda's first call links a call site, which costs about as much as the
    // whole check when the class-data archive was made by a run that did not take this path.

    /** {@code System.nanoTime}, for the check's elapsed time. */
    private static final class MonotonicClock implements java.util.function.LongSupplier {
        @Override
        public long getAsLong() {
            return System.nanoTime();
        }
    }

    /** The one command line answered here: {@code sync [--claude-dir DIR]... [--json]}. */
    private record Request(List<Path> claudeDirs, boolean json) {

        static Optional<Request> parse(String[] args) {
            if (args.length == 0 || !args[0].equals(SyncOptions.COMMAND)) {
                return Optional.empty();
            }
            List<Path> dirs = new ArrayList<>();
            boolean json = false;
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                try {
                    if (a.equals(SyncOptions.JSON) && !json) {
                        json = true;
                    } else if (a.equals(SyncOptions.CLAUDE_DIR) && i + 1 < args.length && !args[i + 1].startsWith("-")) {
                        dirs.add(Path.of(args[++i]));
                    } else if (a.startsWith(SyncOptions.CLAUDE_DIR + "=") && a.length() > SyncOptions.CLAUDE_DIR.length() + 1) {
                        dirs.add(Path.of(a.substring(SyncOptions.CLAUDE_DIR.length() + 1)));
                    } else {
                        return Optional.empty(); // anything else is the usual parser's to accept or refuse
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Request(List.copyOf(dirs), json));
        }
    }
}
