package dev.cctelemetry.app.status;

import dev.cctelemetry.app.config.ConfigSnapshot;
import dev.cctelemetry.app.config.StoreConfig;
import dev.cctelemetry.app.doctor.Ago;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.state.SyncOutcome;
import dev.cctelemetry.core.port.out.HookStatusStore.Outcome;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.Ledger.LedgerStats;
import dev.cctelemetry.hooks.worker.FileHookStatusStore;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code status}: the configuration (secrets masked), the store, the last sync per trigger (hook, daemon, manual)
 * and the ledger's counts, as named rows. Reads what it finds; creates nothing (the ledger is opened only when it
 * exists).
 */
public final class StatusQuery {

    private final InstallLayout layout;
    private final Ledgers ledgers;
    private final Clock clock;

    @Inject
    StatusQuery(InstallLayout layout, Ledgers ledgers, Clock clock) {
        this.layout = layout;
        this.ledgers = ledgers;
        this.clock = clock;
    }

    /**
     * One line of the status.
     *
     * @param name what it is about ("Store")
     * @param value what is known
     */
    public record Row(String name, String value) {
        public Row {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(value, "value is null");
        }
    }

    /**
     * Hands the rows over in the order they are shown, each as soon as it is known: when the ledger cannot be
     * read, the rows before it have been shown and the failure is thrown.
     */
    public void rows(Consumer<Row> rows) {
        Instant now = clock.instant();
        ConfigSnapshot c = ConfigSnapshot.read(layout.config());
        rows.accept(new Row("Home", layout.home().toString()));
        if (!c.exists()) {
            rows.accept(new Row("Config", "none yet (run cc-telemetry setup)"));
        } else if (c.problem().isPresent()) {
            rows.accept(new Row("Config", layout.config() + " " + c.problem().get()));
        } else {
            rows.accept(new Row("Config", layout.config().toString()));
            rows.accept(new Row("Machine", c.text("machine_name") + " (id " + c.text("machine_id") + ", host "
                    + (c.text("machine_host").isEmpty() ? "unrecorded" : c.text("machine_host")) + ")"));
        }
        rows.accept(new Row("Store", c.store().map(StoreConfig::describe).orElse("local ledger only")));
        FileHookStatusStore hooks = new FileHookStatusStore(layout.stateDir());
        rows.accept(new Row("Last hook sync", hooks.status().lastOutcome().map(o -> hook(o, now)).orElse("never")));
        rows.accept(new Row("Last daemon pass", trigger(SyncOutcome.read(layout.daemonStatus()), now)));
        rows.accept(new Row("Last manual sync", trigger(SyncOutcome.read(layout.manualSync()), now)));
        rows.accept(new Row("Last push", trigger(SyncOutcome.read(layout.pushStatus()), now)));
        if (Files.exists(layout.ledger())) {
            try (Ledger ledger = ledgers.open()) {
                LedgerStats s = ledger.stats();
                rows.accept(new Row("Ledger", String.format(Locale.ROOT,
                        "%s: %,d records (%,d requests), %,d sessions, %,d files%s", layout.ledger(), s.records(),
                        s.requests(), s.sessions(), s.files(),
                        s.last().map(t -> ", newest record " + Ago.since(t, now)).orElse(""))));
            }
        } else {
            rows.accept(new Row("Ledger", "none yet (run cc-telemetry sync)"));
        }
    }

    private static String hook(Outcome o, Instant now) {
        return Ago.since(o.at(), now) + " (" + o.event() + ") " + (o.ok() ? "ok, " + o.recordsAdded()
                + " new records" : "failed: " + o.error());
    }

    private static String trigger(Optional<SyncOutcome> o, Instant now) {
        return o.map(s -> Ago.since(s.at(), now) + " " + (s.ok() ? "ok" : "failed: " + s.error())
                + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")")).orElse("never");
    }
}
