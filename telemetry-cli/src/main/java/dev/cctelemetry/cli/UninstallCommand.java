package dev.cctelemetry.cli;

import dev.cctelemetry.cli.setup.Prompter;
import dev.cctelemetry.cli.state.InstallLayout;
import dev.cctelemetry.hooks.settings.ClaudeSettingsException;
import dev.cctelemetry.hooks.settings.ClaudeSettingsLocator;
import dev.cctelemetry.hooks.settings.EditMode;
import dev.cctelemetry.hooks.settings.SettingsEditResult;
import dev.cctelemetry.hooks.settings.SettingsFileEditor;
import dev.cctelemetry.hooks.settings.SettingsScope;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cc-telemetry uninstall}: removes our hooks, scripts and service; {@code --purge} also the data. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Remove cc-telemetry's hooks, hook scripts and service. --purge also deletes the ledger and"
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

    private final LocalServices services;
    private final Clock clock;
    private final HookInstallation hooks;
    private final ServiceSupport service;

    /** An uninstall command. */
    @Inject
    public UninstallCommand(LocalServices services, Clock clock, HookInstallation hooks, ServiceSupport service) {
        this.services = services;
        this.clock = clock;
        this.hooks = hooks;
        this.service = service;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        TelemetryEnvironment env = services.environment();
        InstallLayout layout = new InstallLayout(env.telemetryHome());
        ClaudeSettingsLocator locator = new ClaudeSettingsLocator(env.env(), env.userHome(), env.workingDir());
        List<Path> settings = new ArrayList<>();
        for (SettingsScope scope : SettingsScope.values()) {
            try {
                Path p = locator.locate(scope);
                if (Files.exists(p)) {
                    settings.add(p);
                }
            } catch (ClaudeSettingsException e) {
                out.println("Skipping " + scope.name().toLowerCase(Locale.ROOT) + " settings: " + e.getMessage());
            }
        }
        List<Path> scripts = hooks.installedScripts();
        out.println("This removes:");
        out.println("  cc-telemetry's hooks from " + (settings.isEmpty() ? "(no settings file found)"
                : String.join(", ", settings.stream().map(Path::toString).toList())));
        out.println("  " + scripts.size() + " hook script(s) in " + layout.hooksDir());
        out.println("  the background service (if installed)");
        if (purge) {
            OptionalLong records = records(layout);
            out.println("  the ledger " + layout.ledger() + (records.isPresent()
                    ? String.format(Locale.ROOT, ": %,d records will be lost", records.getAsLong())
                    : ": its records will be lost"));
            out.println("  the config " + layout.config() + " (machine id) and " + layout.stateDir());
            out.println("  Keep a copy first with: cc-telemetry export --format jsonl -o usage.jsonl");
        }
        if (!yes && !confirmed(out)) {
            out.println("Nothing was changed.");
            return ExitCode.OK;
        }
        SettingsFileEditor editor = new SettingsFileEditor(clock);
        for (Path p : settings) {
            try {
                SettingsEditResult r = editor.remove(p, EditMode.APPLY);
                out.println(r.changed() ? "Removed hooks from " + p + r.backup().map(b -> " (backup " + b + ")")
                        .orElse("") : "No cc-telemetry hooks in " + p);
            } catch (ClaudeSettingsException e) {
                out.println("Could not edit " + p + ": " + e.getMessage());
            }
        }
        for (Path s : scripts) {
            Files.deleteIfExists(s);
            out.println("Deleted " + s);
        }
        try {
            service.uninstall(out, spec.commandLine().getErr());
        } catch (CliException e) {
            // No service manager here (or no jar to describe the service): nothing was installed by us.
            out.println("Service: " + e.getMessage());
        }
        if (purge) {
            for (Path p : layout.ledgerFiles()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(layout.config());
            deleteTree(layout.stateDir());
            out.println("Deleted the ledger, the config and " + layout.stateDir());
        }
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

    private OptionalLong records(InstallLayout layout) {
        if (!Files.exists(layout.ledger())) {
            return OptionalLong.of(0);
        }
        try (SqliteLedger ledger = services.openLedger()) {
            return OptionalLong.of(ledger.recordCount());
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(dir)) {
            all = s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
