package dev.cctelemetry.cli;

import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.setup.Uninstaller;
import dev.cctelemetry.app.sync.Figures;
import dev.cctelemetry.cli.setup.Prompter;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cc-telemetry uninstall}: removes our hooks, scripts and service; {@code --purge} also the data. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Remove cc-telemetry's hooks, hook scripts, status line, MCP server registration and service. --purge also deletes the ledger and"
                + " config (export them first).")
public final class UninstallCommand implements Callable<Integer> {

    @Option(names = "--purge", description = "Also delete the ledger, the config and the state files.")
    boolean purge;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final Uninstaller uninstaller;

    /** An uninstall command. */
    @Inject
    public UninstallCommand(Uninstaller uninstaller) {
        this.uninstaller = uninstaller;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Uninstaller.Plan plan = uninstaller.plan();
        InstallLayout layout = plan.layout();
        plan.skipped().forEach(out::println);
        out.println("This removes:");
        out.println("  cc-telemetry's hooks from " + (plan.settings().isEmpty() ? "(no settings file found)"
                : String.join(", ", plan.settings().stream().map(Path::toString).toList())));
        if (plan.statusline()) {
            out.println("  cc-telemetry's status line (a statusLine of yours that it ran first is put back)");
        }
        if (plan.mcpServer()) {
            out.println("  cc-telemetry's MCP server registration (other servers stay)");
        }
        out.println("  " + plan.scripts().size() + " hook script(s) in " + layout.hooksDir());
        out.println("  the background service (if installed)");
        if (purge) {
            out.println("  the ledger " + layout.ledger() + (plan.records().isPresent()
                    ? ": " + Figures.counted(plan.records().getAsLong(), "record", "records") + " will be lost"
                    : ": its records will be lost"));
            out.println("  the config " + layout.config() + " (machine id), " + layout.stateDir() + ", the installed"
                    + " jars, logs and spool, and a settings file cc-telemetry created if it holds nothing else");
            out.println("  Keep a copy first with: cc-telemetry export --format jsonl -o usage.jsonl");
        }
        if (!yes && !confirmed(out)) {
            out.println("Nothing was changed.");
            // Not done: a script running `uninstall` must not take a declined (or unanswered) prompt for success.
            return ExitCode.FAILURE;
        }
        uninstaller.apply(plan, purge, out, spec.commandLine().getErr());
        out.flush();
        return ExitCode.OK;
    }

    private boolean confirmed(PrintWriter out) throws IOException {
        Prompter p = new Prompter(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out,
                Optional.empty());
        try {
            return p.confirm("Continue?", false);
        } catch (Prompter.InputEndedException e) {
            return false;
        }
    }
}
