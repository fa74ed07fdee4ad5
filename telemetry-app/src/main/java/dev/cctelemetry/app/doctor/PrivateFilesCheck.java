package dev.cctelemetry.app.doctor;

import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.core.io.PrivateTree;
import java.nio.file.Files;

/**
 * The telemetry home and everything in it are readable by their owner only (issue 17.1: the ledger holds session
 * ids, project paths and spend, and outlives the 0600 transcripts). An install made before files were created
 * private is fixed here, as on every sync, and the line says what was narrowed; what could not be (a file of
 * another user, a read-only file system) is a failure with the command that fixes it.
 */
public final class PrivateFilesCheck implements DoctorCheck {

    static final String NAME = "Private files";
    private static final int NAMED = 3;

    private final InstallLayout layout;

    /** A check of the home in {@code layout}. */
    public PrivateFilesCheck(InstallLayout layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() {
        if (!Files.isDirectory(layout.home())) {
            return CheckResult.ok(NAME, "nothing yet (" + layout.home() + " is created owner-only on first use)");
        }
        PrivateTree.Outcome outcome = PrivateTree.restrict(layout.home());
        if (!outcome.failed().isEmpty()) {
            return CheckResult.fail(NAME, "could not make " + outcome.failed().size() + " entr"
                    + (outcome.failed().size() == 1 ? "y" : "ies") + " owner-only: " + outcome.failed().get(0),
                    "chmod -R go-rwx " + layout.home());
        }
        if (!outcome.fixed().isEmpty()) {
            String named = String.join(", ", outcome.fixed().stream().limit(NAMED)
                    .map(p -> layout.home().relativize(p).toString()).map(s -> s.isEmpty() ? "the home" : s)
                    .toList());
            return CheckResult.ok(NAME, "fixed: made " + outcome.fixed().size() + " entr"
                    + (outcome.fixed().size() == 1 ? "y" : "ies") + " owner-only (" + named
                    + (outcome.fixed().size() > NAMED ? ", ..." : "") + ")");
        }
        return CheckResult.ok(NAME, layout.home() + " and its files are readable by their owner only");
    }
}
