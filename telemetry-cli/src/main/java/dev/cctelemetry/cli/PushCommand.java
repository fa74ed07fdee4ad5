package dev.cctelemetry.cli;

import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.push.PushResultJson;
import dev.cctelemetry.app.push.Pushes;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.push.PushMode;
import dev.cctelemetry.core.push.PushResult;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cc-telemetry push}: send what the ledger changed since the last push to the shared store. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Push new and updated ledger records to the shared PostgreSQL store (safe to repeat).")
public final class PushCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final Ledgers ledgers;
    private final Pushes pushes;

    /** A push command. */
    @Inject
    public PushCommand(Ledgers ledgers, Pushes pushes) {
        this.ledgers = ledgers;
        this.pushes = pushes;
    }

    @Override
    public Integer call() throws IOException {
        PushResult r;
        try (Ledger ledger = ledgers.open()) {
            r = pushes.push(ledger, PushMode.MANUAL);
        }
        print(spec.commandLine().getOut(), spec.commandLine().getErr(), r, json);
        return r.outcome() == PushResult.Outcome.PUSHED ? ExitCode.OK : ExitCode.FAILURE;
    }

    /** Prints a push outcome: success on {@code out}, anything else as one line on {@code err}. */
    private static void print(PrintWriter out, PrintWriter err, PushResult r, boolean json) throws IOException {
        if (json) {
            out.println(PushResultJson.toJson(r));
        } else if (r.outcome() == PushResult.Outcome.PUSHED) {
            out.println(r.summaryLine());
        } else {
            err.println("cc-telemetry: " + r.summaryLine());
        }
    }

}
