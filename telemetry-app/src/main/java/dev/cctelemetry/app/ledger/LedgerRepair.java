package dev.cctelemetry.app.ledger;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.roots.ClaudeRoots;
import dev.cctelemetry.app.sync.SyncSummaryText;
import dev.cctelemetry.app.sync.Syncs;
import dev.cctelemetry.core.error.ErrorLine;
import dev.cctelemetry.core.port.out.SyncLock;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.store.sqlite.LedgerSalvage;
import dev.cctelemetry.store.sqlite.LedgerVersionException;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code repair}: a ledger that fails SQLite's integrity check is moved aside (never deleted), what it still holds
 * is salvaged into a new ledger, and the transcripts are read again. Salvaged records matter most: the ledger may
 * be the only copy once Claude Code has deleted a transcript. A sound ledger is left alone.
 */
public final class LedgerRepair {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final List<String> SIDE_FILES = List.of("", "-wal", "-shm");

    private final InstallLayout layout;
    private final Ledgers ledgers;
    private final Syncs syncs;
    private final ClaudeRoots roots;
    private final Clock clock;

    @Inject
    LedgerRepair(InstallLayout layout, Ledgers ledgers, Syncs syncs, ClaudeRoots roots, Clock clock) {
        this.layout = layout;
        this.ledgers = ledgers;
        this.syncs = syncs;
        this.roots = roots;
        this.clock = clock;
    }

    /**
     * Repairs the ledger when it is damaged, telling each step to {@code out}.
     *
     * @param claudeDirs the roots to read again ({@code --claude-dir}), else the environment's
     * @throws AppException when the ledger was written by a newer cc-telemetry (not ours to touch)
     */
    public void repair(List<Path> claudeDirs, Consumer<String> out)
            throws IOException, InterruptedException, SQLException {
        Path db = layout.ledger();
        if (!Files.exists(db)) {
            out.accept("No ledger at " + db + ": nothing to repair.");
            return;
        }
        Optional<String> damage = damage();
        if (damage.isEmpty()) {
            out.accept("The ledger " + db + " is sound (integrity check ok): nothing to repair.");
            return;
        }
        out.accept("Damaged: " + damage.get());
        Path aside;
        LedgerSalvage.Result salvaged;
        // Under the sync lock: no hook or daemon writes while the file is moved and the new one is filled.
        try (SyncLock.Held held = syncs.machineLock().acquire()) {
            aside = moveAside(db);
            out.accept("Moved aside (kept as it was): " + aside);
            salvaged = salvageFromCopy(aside);
        }
        out.accept(String.format(Locale.ROOT, "Salvaged %,d records and %,d cost-states from it%s.",
                salvaged.records(), salvaged.costStates(), salvaged.unreadableChunks() == 0 ? ""
                        : String.format(Locale.ROOT, " (%,d unreadable chunks of up to 500 records skipped)",
                                salvaged.unreadableChunks())));
        try (SqliteLedger ledger = ledgers.openSqlite()) {
            SyncSummary s = syncs.over(ledger).sync(new SyncRequest(roots.resolve(claudeDirs), false, f -> true),
                    SyncProgress.NONE);
            out.accept("Read the transcripts again: " + SyncSummaryText.summaryLine(s));
            out.accept(String.format(Locale.ROOT, "Ledger: %s (%,d records)", db, ledger.recordCount()));
        }
    }

    /** Why the ledger is damaged, or empty when it opens and passes the integrity check. */
    private Optional<String> damage() {
        try (SqliteLedger ledger = ledgers.openSqlite()) {
            String check = ledger.integrityCheck();
            return "ok".equalsIgnoreCase(check) ? Optional.empty()
                    : Optional.of("integrity check: " + ErrorLine.of(new IllegalStateException(check)));
        } catch (AppException e) {
            if (e.getCause() instanceof LedgerVersionException) {
                throw e; // written by a newer cc-telemetry: not ours to touch
            }
            return Optional.of(ErrorLine.of(e));
        } catch (UncheckedIOException e) {
            return Optional.of(ErrorLine.of(e));
        }
    }

    /** Renames the ledger and its WAL and shared-memory files together, so the set stays readable by SQLite. */
    private Path moveAside(Path db) throws IOException {
        Path aside = db.resolveSibling(db.getFileName() + ".damaged-" + STAMP.format(clock.instant()));
        for (String suffix : SIDE_FILES) {
            Path from = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(from)) {
                Files.move(from, aside.resolveSibling(aside.getFileName() + suffix));
            }
        }
        return aside;
    }

    /** Salvages from a throwaway copy: opening a damaged file lets SQLite write to it, and the original is kept. */
    private LedgerSalvage.Result salvageFromCopy(Path aside) throws IOException, SQLException {
        Path work = Files.createTempDirectory(aside.getParent(), "repair-");
        try {
            Path copy = work.resolve("damaged.db");
            for (String suffix : SIDE_FILES) {
                Path from = aside.resolveSibling(aside.getFileName() + suffix);
                if (Files.exists(from)) {
                    Files.copy(from, work.resolve("damaged.db" + suffix));
                }
            }
            try (SqliteLedger fresh = ledgers.openSqlite()) {
                return LedgerSalvage.salvage(copy, fresh);
            }
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }
}
