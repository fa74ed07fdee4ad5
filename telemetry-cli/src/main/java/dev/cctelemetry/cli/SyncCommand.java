package dev.cctelemetry.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cctelemetry.cli.config.ConfigStore;
import dev.cctelemetry.cli.state.InstallLayout;
import dev.cctelemetry.cli.state.ManualSyncRecorder;
import dev.cctelemetry.core.push.PushMode;
import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cc-telemetry sync}: ingest what is new in the transcripts into the ledger. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Read new transcript lines into the local ledger (only bytes appended since last time).")
public final class SyncCommand implements Callable<Integer> {

    @Mixin
    ClaudeDirsOption claudeDirs;

    @Option(names = "--force", description = "Re-read every transcript from the start (safe: records dedupe).")
    boolean force;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final LocalServices services;
    private final Clock clock;

    /** A sync command. */
    @Inject
    public SyncCommand(LocalServices services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        // Remember manual syncs' outcome for `status` (hooks and the daemon keep their own status files).
        ManualSyncRecorder recorder = new ManualSyncRecorder(
                new InstallLayout(services.environment().telemetryHome()).manualSync());
        try {
            Done done = syncAndPrint();
            recorder.record(clock.instant(), true, "", done.detail());
            return done.pushFailed() ? ExitCode.FAILURE : ExitCode.OK;
        } catch (IOException | RuntimeException e) {
            recorder.record(clock.instant(), false, Main.oneLine(e), "");
            throw e;
        }
    }

    private Done syncAndPrint() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        TelemetryEnvironment env = services.environment();
        new ConfigStore(env.telemetryHome().resolve("config.json"), () -> Main.hostName(env.env())).loadOrCreate();
        PushResult pushed;
        List<ClaudeRoot> roots = services.roots(claudeDirs.dirs);
        // Checked before the ledger and the lock create anything, so a first run is not reported as a repair.
        boolean stateLost = Files.exists(env.ledgerFile()) && !Files.isDirectory(env.syncLockFile().getParent());
        try (SqliteLedger ledger = services.openLedger()) {
            SyncSummary s;
            try (TerminalProgress progress = TerminalProgress.forTerminal(json)) {
                s = services.syncService(ledger).sync(new SyncRequest(roots, force, f -> true), progress);
            }
            long total = ledger.recordCount();
            pushed = services.push(ledger, PushMode.MANUAL);
            if (json) {
                out.println(toJson(s, roots, total, stateLost, pushed));
            } else {
                if (roots.isEmpty()) {
                    out.println("No Claude Code transcripts found (set CLAUDE_CONFIG_DIR or use --claude-dir).");
                }
                recoveryNotices(s, stateLost).forEach(out::println);
                out.println(summaryLine(s));
                out.println(ledgerLine(env.ledgerFile(), total));
                if (pushed.outcome() == PushResult.Outcome.PUSHED) {
                    out.println(pushed.summaryLine());
                } else if (pushed.outcome() != PushResult.Outcome.NOT_CONFIGURED) {
                    spec.commandLine().getErr().println("cc-telemetry: " + pushed.summaryLine());
                }
            }
            return new Done(statusDetail(s), pushed.failed());
        }
    }

    /** What a sync printed about itself: a detail for the status file, and whether the push after it failed. */
    private record Done(String detail, boolean pushFailed) {
    }

    /** What this sync repaired before it could do its work, one line each (none after a clean run). */
    static List<String> recoveryNotices(SyncSummary s, boolean stateLost) {
        List<String> notes = new ArrayList<>();
        if (s.resumedAfterInterruption()) {
            notes.add("Recovered: the previous sync was interrupted; resumed from its last committed checkpoints"
                    + " (records are written with their checkpoints, so nothing is lost or counted twice).");
        }
        if (stateLost) {
            notes.add("Recovered: the state folder was missing and has been recreated (the ledger and its"
                    + " checkpoints were intact).");
        }
        return notes;
    }

    /** "Synced 3 files (1 read, 2.5 KB) in 0.05 s: …" (numbers as {@link Figures} writes them). */
    static String summaryLine(SyncSummary s) {
        return "Synced " + Figures.grouped(s.filesScanned()) + " files (" + Figures.grouped(s.filesRead())
                + " read, " + bytes(s.bytesRead()) + ") in " + Figures.fixed(s.elapsed().toMillis() / 1000.0, 2)
                + " s: " + Figures.grouped(s.newRecords()) + " new records, " + Figures.grouped(s.updatedRecords())
                + " updated, " + Figures.grouped(s.sessionsTouched()) + " sessions touched, "
                + Figures.grouped(s.skippedLines()) + " lines skipped.";
    }

    /** "Ledger: /path (116,907 records)". */
    static String ledgerLine(java.nio.file.Path ledger, long records) {
        return "Ledger: " + ledger + " (" + Figures.grouped(records) + " records)";
    }

    /** What the status file says of a sync: "3 new records". */
    static String statusDetail(SyncSummary s) {
        return Figures.grouped(s.newRecords()) + " new records";
    }

    private static String bytes(long b) {
        if (b < 1024 * 1024) {
            return Figures.fixed(b / 1024.0, 1) + " KB";
        }
        return Figures.fixed(b / (1024.0 * 1024.0), 1) + " MB";
    }

    /**
     * The summary as one JSON object, with Jackson's streaming writer (the object mapper costs a quick sync more
     * than the sync itself).
     */
    static String toJson(SyncSummary s, List<ClaudeRoot> roots, long total, boolean stateLost, PushResult pushed)
            throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeArrayFieldStart("roots");
            for (ClaudeRoot r : roots) {
                g.writeString(r.id());
            }
            g.writeEndArray();
            g.writeNumberField("filesScanned", s.filesScanned());
            g.writeNumberField("filesRead", s.filesRead());
            g.writeNumberField("bytesRead", s.bytesRead());
            g.writeNumberField("newRecords", s.newRecords());
            g.writeNumberField("updatedRecords", s.updatedRecords());
            g.writeNumberField("sessionsTouched", s.sessionsTouched());
            g.writeNumberField("skippedLines", s.skippedLines());
            g.writeNumberField("elapsedMillis", s.elapsed().toMillis());
            g.writeNumberField("ledgerRecords", total);
            g.writeBooleanField("resumedAfterInterruption", s.resumedAfterInterruption());
            g.writeBooleanField("recreatedStateFolder", stateLost);
            if (pushed.outcome() != PushResult.Outcome.NOT_CONFIGURED) {
                g.writeFieldName("push");
                g.writeRawValue(PushCommand.toJson(pushed));
            }
            g.writeEndObject();
        }
        return w.toString();
    }

    /** A progress bar on stderr, only when a person is watching a terminal. */
    static final class TerminalProgress implements SyncProgress, AutoCloseable {
        /** Show a bar only for syncs long enough to be worth it. */
        private static final long MIN_BYTES = 50L * 1024 * 1024;
        private final boolean enabled;
        private me.tongfei.progressbar.ProgressBar bar;

        private TerminalProgress(boolean enabled) {
            this.enabled = enabled;
        }

        static TerminalProgress forTerminal(boolean json) {
            return new TerminalProgress(!json && System.console() != null);
        }

        @Override
        public void started(long totalBytes) {
            if (enabled && totalBytes >= MIN_BYTES) {
                bar = new me.tongfei.progressbar.ProgressBarBuilder().setTaskName("Syncing")
                        .setInitialMax(totalBytes / (1024 * 1024)).setUnit(" MB", 1).build();
            }
        }

        @Override
        public void advanced(long bytes) {
            if (bar != null) {
                bar.stepTo(Math.min(bar.getMax(), bar.getCurrent() + bytes / (1024 * 1024)));
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
