package dev.cctelemetry.app.doctor;

import dev.cctelemetry.core.error.ErrorLine;

import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.core.port.out.Ledger.LedgerStats;
import dev.cctelemetry.store.sqlite.LedgerOpenException;
import dev.cctelemetry.store.sqlite.LedgerVersionException;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import dev.cctelemetry.store.sqlite.SqliteNativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/** The ledger opens, passes SQLite's quick check, and holds records; its schema version and last write. */
public final class LedgerCheck implements DoctorCheck {

    static final String NAME = "Ledger";

    private final InstallLayout layout;
    private final String priceVersion;
    private final Clock clock;

    /** A check of the ledger under {@code layout}. */
    public LedgerCheck(InstallLayout layout, String priceVersion, Clock clock) {
        this.layout = layout;
        this.priceVersion = priceVersion;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() throws Exception {
        Path file = layout.ledger();
        if (!Files.exists(file)) {
            return CheckResult.warn(NAME, "no ledger yet (" + file + ")", "cc-telemetry sync");
        }
        // The driver's native library from cc-telemetry's own folder, as every other opening of the ledger takes it:
        // left to itself the driver copies it into the temp folder and runs `uname -o` first.
        SqliteNativeLibrary.useFolder(layout.nativeLibDir());
        try (SqliteLedger ledger = SqliteLedger.open(file, priceVersion)) {
            String check = ledger.integrityCheck();
            if (!"ok".equalsIgnoreCase(check)) {
                return CheckResult.fail(NAME, file + " fails the integrity check: " + ErrorLine.of(
                        new IllegalStateException(check)), rebuild(file));
            }
            LedgerStats s = ledger.stats();
            return CheckResult.ok(NAME, String.format(Locale.ROOT, "%s: schema %d, %,d records (%,d requests), %,d"
                    + " sessions, last written %s", file, ledger.schemaVersion(), s.records(), s.requests(),
                    s.sessions(),
                    Ago.since(lastWrite(), clock.instant())));
        } catch (LedgerVersionException e) {
            return CheckResult.fail(NAME, ErrorLine.of(e), "install the newer cc-telemetry that wrote it");
        } catch (LedgerOpenException e) {
            return CheckResult.fail(NAME, ErrorLine.of(e), rebuild(file));
        } catch (java.io.UncheckedIOException e) {
            // an SQLite error while checking ("database disk image is malformed")
            return CheckResult.fail(NAME, file + ": " + ErrorLine.of(e), rebuild(file));
        }
    }

    private Instant lastWrite() throws java.io.IOException {
        Instant last = Instant.EPOCH;
        for (Path p : layout.ledgerFiles()) {
            if (Files.exists(p)) {
                FileTime t = Files.getLastModifiedTime(p);
                last = t.toInstant().isAfter(last) ? t.toInstant() : last;
            }
        }
        return last;
    }

    private static String rebuild(Path file) {
        return "cc-telemetry repair (moves " + file.getFileName() + " aside, salvages what it still holds, reads the"
                + " transcripts again)";
    }
}
