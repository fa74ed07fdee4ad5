package dev.cctelemetry.cli;

import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.roots.ClaudeRoots;
import dev.cctelemetry.app.sync.ManualSync;
import dev.cctelemetry.app.sync.SyncSummaryText;
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

/** {@code cc-telemetry sync}: ingest what is new in the transcripts into the ledger. */
@Command(name = SyncOptions.COMMAND, mixinStandardHelpOptions = true,
        description = "Read new transcript lines into the local ledger (only bytes appended since last time).")
public final class SyncCommand implements Callable<Integer> {

    @Mixin
    ClaudeDirsOption claudeDirs;

    @Option(names = SyncOptions.FORCE, description = "Re-read every transcript from the start (safe: records dedupe).")
    boolean force;

    @Option(names = SyncOptions.JSON, description = "Print the summary as JSON.")
    boolean json;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final ManualSync sync;
    private final ClaudeRoots roots;

    /** A sync command. */
    @Inject
    public SyncCommand(ManualSync sync, ClaudeRoots roots) {
        this.sync = sync;
        this.roots = roots;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ManualSync.Outcome o;
        try (TerminalProgress progress = TerminalProgress.forTerminal(json);
                InterruptNotice notice = InterruptNotice.during(spec.commandLine().getErr())) {
            o = sync.run(claudeDirs.dirs, force, progress);
        }
        PushResult pushed = o.pushed();
        if (json) {
            out.println(SyncSummaryText.toJson(o.summary(), o.roots(), o.ledgerRecords(), o.stateLost(), pushed));
        } else {
            if (o.roots().isEmpty()) {
                out.println("Note: " + roots.noneFound() + ".");
            }
            SyncSummaryText.recoveryNotices(o.summary(), o.stateLost()).forEach(out::println);
            out.println(SyncSummaryText.summaryLine(o.summary()));
            out.println(SyncSummaryText.ledgerLine(o.ledger(), o.ledgerRecords()));
            if (pushed.outcome() == PushResult.Outcome.PUSHED) {
                out.println(pushed.summaryLine());
            } else if (pushed.outcome() != PushResult.Outcome.NOT_CONFIGURED) {
                spec.commandLine().getErr().println("cc-telemetry: " + pushed.summaryLine());
            }
        }
        // The push is retried by every later sync, hook and daemon pass: a failed one leaves nothing wrong
        // locally, so a cron job or a laptop offline does not see a failure (issue 17.3); `push` still exits 1.
        return ExitCode.OK;
    }
}
