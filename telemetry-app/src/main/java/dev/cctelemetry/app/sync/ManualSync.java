package dev.cctelemetry.app.sync;

import dev.cctelemetry.core.io.PrivateTree;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.push.Pushes;
import dev.cctelemetry.app.roots.ClaudeRoots;
import dev.cctelemetry.app.state.ManualSyncRecorder;
import dev.cctelemetry.core.error.ErrorLine;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.push.PushMode;
import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * A sync someone asked for ({@code cc-telemetry sync}): completes the config, ingests what is new under the
 * roots, pushes when a store is configured, and records the outcome for {@code status} (hooks and the daemon keep
 * their own status files).
 */
public final class ManualSync {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ManualSync.class);

    private final TelemetryEnvironment env;
    private final Configs configs;
    private final ClaudeRoots roots;
    private final Ledgers ledgers;
    private final Syncs syncs;
    private final Pushes pushes;
    private final Clock clock;

    @Inject
    ManualSync(TelemetryEnvironment env, Configs configs, ClaudeRoots roots, Ledgers ledgers, Syncs syncs,
            Pushes pushes, Clock clock) {
        this.env = env;
        this.configs = configs;
        this.roots = roots;
        this.ledgers = ledgers;
        this.syncs = syncs;
        this.pushes = pushes;
        this.clock = clock;
    }

    /**
     * What one sync did.
     *
     * @param roots the roots read
     * @param summary what the ingest did
     * @param ledger the ledger file
     * @param ledgerRecords records in the ledger afterwards
     * @param stateLost whether the state folder had gone missing next to an existing ledger (now recreated)
     * @param pushed the push after the ingest
     */
    public record Outcome(List<ClaudeRoot> roots, SyncSummary summary, Path ledger, long ledgerRecords,
            boolean stateLost, PushResult pushed) {
        public Outcome {
            roots = List.copyOf(roots);
            Objects.requireNonNull(summary, "summary is null");
            Objects.requireNonNull(ledger, "ledger is null");
            Objects.requireNonNull(pushed, "pushed is null");
        }
    }

    /**
     * Runs the sync and records it (also when it fails).
     *
     * @param claudeDirs {@code --claude-dir} values, empty for the environment's roots
     * @param force read every file from byte 0
     * @param progress told about the bytes to read and read
     */
    public Outcome run(List<Path> claudeDirs, boolean force, SyncProgress progress)
            throws IOException, InterruptedException {
        InstallLayout layout = env.layout();
        // An install made before its files were created private is made so by its next sync (issue 17.1).
        PrivateTree.Outcome narrowed = PrivateTree.restrict(layout.home());
        if (!narrowed.alreadyPrivate()) {
            log.info("made {} entries under {} owner-only{}", narrowed.fixed().size(), layout.home(),
                    narrowed.failed().isEmpty() ? "" : "; could not: " + narrowed.failed());
        }
        ManualSyncRecorder recorder = new ManualSyncRecorder(layout.manualSync());
        try {
            Outcome o = sync(layout, claudeDirs, force, progress);
            recorder.record(clock.instant(), true, "", SyncSummaryText.statusDetail(o.summary()));
            return o;
        } catch (IOException | RuntimeException e) {
            recorder.record(clock.instant(), false, ErrorLine.of(e), "");
            throw e;
        }
    }

    private Outcome sync(InstallLayout layout, List<Path> claudeDirs, boolean force, SyncProgress progress)
            throws IOException, InterruptedException {
        configs.store().loadOrCreate();
        List<ClaudeRoot> read = roots.resolve(claudeDirs);
        // Checked before the ledger and the lock create anything, so a first run is not reported as a repair.
        boolean stateLost = Files.exists(layout.ledger()) && !Files.isDirectory(layout.stateDir());
        try (Ledger ledger = ledgers.open()) {
            SyncSummary s = syncs.over(ledger).sync(new SyncRequest(read, force, f -> true), progress);
            long total = ledger.recordCount();
            PushResult pushed = pushes.push(ledger, PushMode.MANUAL);
            return new Outcome(read, s, layout.ledger(), total, stateLost, pushed);
        }
    }
}
