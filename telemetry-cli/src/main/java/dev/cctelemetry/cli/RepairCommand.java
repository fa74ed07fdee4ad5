package dev.cctelemetry.cli;

import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.ledger.LedgerRepair;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cc-telemetry repair}: a ledger that fails SQLite's integrity check is moved aside (never deleted), what it
 * still holds is salvaged into a new ledger, and the transcripts are read again ({@link LedgerRepair}).
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Repair a damaged ledger: move it aside (kept), salvage every record it still holds into a new"
                + " one, and read the transcripts again. Does nothing to a sound ledger.")
public final class RepairCommand implements Callable<Integer> {

    @Mixin
    ClaudeDirsOption claudeDirs;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final LedgerRepair repair;

    /** A repair command. */
    @Inject
    public RepairCommand(LedgerRepair repair) {
        this.repair = repair;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        repair.repair(claudeDirs.dirs, out::println);
        return ExitCode.OK;
    }
}
