package dev.cctelemetry.cli;

import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.status.StatusQuery;
import dev.cctelemetry.core.text.TerminalText;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cc-telemetry status}: config (secrets masked), store, last sync per trigger, counts. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the configuration (secrets masked), the store, the last sync per trigger and counts.")
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final StatusQuery status;

    /** A status command. */
    @Inject
    public StatusCommand(StatusQuery status) {
        this.status = status;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // Values come from config and status files (machine name, errors, paths): shown, never obeyed (18.4).
        status.rows(r -> out.printf(Locale.ROOT, "%-18s %s%n", r.name(), TerminalText.printable(r.value())));
        out.flush();
        return ExitCode.OK;
    }
}
