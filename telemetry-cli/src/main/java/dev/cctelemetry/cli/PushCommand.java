package dev.cctelemetry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.core.push.PushMode;
import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.store.sqlite.SqliteLedger;
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

    private final LocalServices services;

    /** A push command. */
    @Inject
    public PushCommand(LocalServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws IOException {
        PushResult r;
        try (SqliteLedger ledger = services.openLedger()) {
            r = services.push(ledger, PushMode.MANUAL);
        }
        print(spec.commandLine().getOut(), spec.commandLine().getErr(), r, json);
        return r.outcome() == PushResult.Outcome.PUSHED ? ExitCode.OK : ExitCode.FAILURE;
    }

    /** Prints a push outcome: success on {@code out}, anything else as one line on {@code err}. */
    static void print(PrintWriter out, PrintWriter err, PushResult r, boolean json) throws IOException {
        if (json) {
            out.println(toJson(r));
        } else if (r.outcome() == PushResult.Outcome.PUSHED) {
            out.println(r.summaryLine());
        } else {
            err.println("cc-telemetry: " + r.summaryLine());
        }
    }

    static String toJson(PushResult r) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode n = m.createObjectNode();
        n.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        n.put("pushed", r.pushed());
        n.put("pendingLeft", r.pendingLeft());
        n.put("elapsedMillis", r.elapsed().toMillis());
        n.put("error", r.error().orElse(null));
        n.put("retryAfter", r.retryAfter().map(Object::toString).orElse(null));
        return m.writeValueAsString(n);
    }
}
