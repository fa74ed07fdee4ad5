package dev.cctelemetry.cli;

import dev.cctelemetry.core.lock.FileSyncLock;
import dev.cctelemetry.core.port.out.SyncLock;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.store.sqlite.LedgerSalvage;
import dev.cctelemetry.store.sqlite.LedgerVersionException;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cc-telemetry repair}: a ledger that fails SQLite's integrity check is moved aside (never deleted), what it
 * still holds is salvaged into a new ledger, and the transcripts are read again. Salvaged records matter most: the
 * ledger may be the only copy once Claude Code has deleted a transcript.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Repair a damaged ledger: move it aside (kept), salvage every record it still holds into a new"
                + " one, and read the transcripts again. Does nothing to a sound ledger.")
public final class RepairCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final List<String> SIDE_FILES = List.of("", "-wal", "-shm");

    @Mixin
    ClaudeDirsOption claudeDirs;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final LocalServices services;
    private final Clock clock;

    /** A repair command. */
    @Inject
    public RepairCommand(LocalServices services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException, InterruptedException, SQLException {
        PrintWriter out = spec.commandLine().getOut();
        Path db = services.environment().ledgerFile();
        if (!Files.exists(db)) {
            out.println("No ledger at " + db + ": nothing to repair.");
            return ExitCode.OK;
        }
        Optional<String> damage = damage();
        if (damage.isEmpty()) {
            out.println("The ledger " + db + " is sound (integrity check ok): nothing to repair.");
            return ExitCode.OK;
        }
        out.println("Damaged: " + damage.get());
        Path aside;
        LedgerSalvage.Result salvaged;
        // Under the sync lock: no hook or daemon writes while the file is moved and the new one is filled.
        try (SyncLock.Held held = new FileSyncLock(services.environment().syncLockFile()).acquire()) {
            aside = moveAside(db);
            out.println("Moved aside (kept as it was): " + aside);
            salvaged = salvageFromCopy(aside);
        }
        out.printf(Locale.ROOT, "Salvaged %,d records and %,d cost-states from it%s.%n", salvaged.records(),
                salvaged.costStates(), salvaged.unreadableChunks() == 0 ? ""
                        : String.format(Locale.ROOT, " (%,d unreadable chunks of up to 500 records skipped)",
                                salvaged.unreadableChunks()));
        try (SqliteLedger ledger = services.openLedger()) {
            SyncSummary s = services.syncService(ledger).sync(
                    new SyncRequest(services.roots(claudeDirs.dirs), false, f -> true), SyncProgress.NONE);
            out.println("Read the transcripts again: " + SyncCommand.summaryLine(s));
            out.printf(Locale.ROOT, "Ledger: %s (%,d records)%n", db, ledger.recordCount());
        }
        return ExitCode.OK;
    }

    /** Why the ledger is damaged, or empty when it opens and passes the integrity check. */
    private Optional<String> damage() {
        try (SqliteLedger ledger = services.openLedger()) {
            String check = ledger.integrityCheck();
            return "ok".equalsIgnoreCase(check) ? Optional.empty()
                    : Optional.of("integrity check: " + Main.oneLine(new IllegalStateException(check)));
        } catch (CliException e) {
            if (e.getCause() instanceof LedgerVersionException) {
                throw e; // written by a newer cc-telemetry: not ours to touch
            }
            return Optional.of(Main.oneLine(e));
        } catch (UncheckedIOException e) {
            return Optional.of(Main.oneLine(e));
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
            try (SqliteLedger fresh = services.openLedger()) {
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
