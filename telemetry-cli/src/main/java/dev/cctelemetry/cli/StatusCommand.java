package dev.cctelemetry.cli;

import dev.cctelemetry.cli.config.ConfigSnapshot;
import dev.cctelemetry.cli.config.StoreConfig;
import dev.cctelemetry.cli.doctor.Ago;
import dev.cctelemetry.cli.state.InstallLayout;
import dev.cctelemetry.cli.state.SyncOutcome;
import dev.cctelemetry.core.port.out.HookStatusStore.Outcome;
import dev.cctelemetry.core.port.out.Ledger.LedgerStats;
import dev.cctelemetry.hooks.worker.FileHookStatusStore;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
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

    private final LocalServices services;
    private final Clock clock;

    /** A status command. */
    @Inject
    public StatusCommand(LocalServices services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        InstallLayout layout = new InstallLayout(services.environment().telemetryHome());
        Instant now = clock.instant();
        ConfigSnapshot c = ConfigSnapshot.read(layout.config());
        row(out, "Home", layout.home().toString());
        if (!c.exists()) {
            row(out, "Config", "none yet (run cc-telemetry setup)");
        } else if (c.problem().isPresent()) {
            row(out, "Config", layout.config() + " " + c.problem().get());
        } else {
            row(out, "Config", layout.config().toString());
            row(out, "Machine", c.text("machine_name") + " (id " + c.text("machine_id") + ", host "
                    + (c.text("machine_host").isEmpty() ? "unrecorded" : c.text("machine_host")) + ")");
        }
        row(out, "Store", c.store().map(StoreConfig::describe).orElse("local ledger only"));
        FileHookStatusStore hooks = new FileHookStatusStore(layout.stateDir());
        row(out, "Last hook sync", hooks.status().lastOutcome().map(o -> hook(o, now)).orElse("never"));
        row(out, "Last daemon pass", trigger(SyncOutcome.read(layout.daemonStatus()), now));
        row(out, "Last manual sync", trigger(SyncOutcome.read(layout.manualSync()), now));
        row(out, "Last push", trigger(SyncOutcome.read(layout.pushStatus()), now));
        if (Files.exists(layout.ledger())) {
            try (SqliteLedger ledger = services.openLedger()) {
                LedgerStats s = ledger.stats();
                row(out, "Ledger", String.format(Locale.ROOT, "%s: %,d records, %,d sessions, %,d files%s",
                        layout.ledger(), s.records(), s.sessions(), s.files(),
                        s.last().map(t -> ", newest record " + Ago.since(t, now)).orElse("")));
            }
        } else {
            row(out, "Ledger", "none yet (run cc-telemetry sync)");
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String hook(Outcome o, Instant now) {
        return Ago.since(o.at(), now) + " (" + o.event() + ") " + (o.ok() ? "ok, " + o.recordsAdded()
                + " new records" : "failed: " + o.error());
    }

    private static String trigger(Optional<SyncOutcome> o, Instant now) {
        return o.map(s -> Ago.since(s.at(), now) + " " + (s.ok() ? "ok" : "failed: " + s.error())
                + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")")).orElse("never");
    }

    private static void row(PrintWriter out, String name, String value) {
        out.printf(Locale.ROOT, "%-18s %s%n", name, value);
    }
}
