package dev.cctelemetry.app.doctor;

import dev.cctelemetry.app.sync.ByteSize;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.core.sync.DistinctSessions;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.FileCheckpoint;
import dev.cctelemetry.core.transcript.TranscriptDiscovery;
import dev.cctelemetry.core.transcript.TranscriptFile;
import dev.cctelemetry.core.transcript.TranscriptWindows;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sessions whose transcript changed after it was last synced (size, time or identity differ from the ledger's
 * checkpoint): what the next sync or reconciliation pass will pick up.
 */
public final class LagCheck implements DoctorCheck {

    static final String NAME = "Lag";

    private final InstallLayout layout;
    private final List<ClaudeRoot> roots;
    private final String priceVersion;

    /** A check of {@code roots} against the ledger under {@code layout}. */
    public LagCheck(InstallLayout layout, List<ClaudeRoot> roots, String priceVersion) {
        this.layout = layout;
        this.roots = List.copyOf(roots);
        this.priceVersion = priceVersion;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() {
        if (!Files.exists(layout.ledger())) {
            return CheckResult.warn(NAME, "nothing synced yet", "cc-telemetry sync");
        }
        DistinctSessions sessions = new DistinctSessions();
        long files = 0;
        long bytes = 0;
        // A window of transcripts and its checkpoints at a time: a history's checkpoints would not fit the heap.
        try (SqliteLedger ledger = SqliteLedger.open(layout.ledger(), priceVersion)) {
            TranscriptWindows windows = new TranscriptWindows(new TranscriptDiscovery().walk(roots, Set.of()),
                    f -> true, TranscriptWindows.DEFAULT_SIZE);
            for (TranscriptWindows.Window w = windows.next(); !w.isEmpty(); w = windows.next()) {
                Map<String, FileCheckpoint> checkpoints = ledger.checkpointsBetween(w.first(), w.last());
                for (TranscriptFile f : w.files()) {
                    FileCheckpoint cp = checkpoints.get(f.path().toString());
                    if (cp == null || !cp.unchanged(f)) {
                        sessions.add(f.pathSessionId());
                        files++;
                        bytes += Math.max(0, f.size() - (cp == null ? 0 : cp.offset()));
                    }
                }
            }
        } catch (RuntimeException e) {
            return CheckResult.warn(NAME, "not measured: the ledger cannot be read", "see the Ledger line");
        }
        if (files == 0) {
            return CheckResult.ok(NAME, "none: every transcript is synced");
        }
        return CheckResult.warn(NAME, String.format(Locale.ROOT,
                        "%,d session%s (%,d file%s, ~%s) changed since their last sync", sessions.size(),
                        sessions.size() == 1 ? "" : "s", files, files == 1 ? "" : "s", ByteSize.human(bytes)),
                "cc-telemetry sync (or wait for the next hook or daemon pass)");
    }
}
