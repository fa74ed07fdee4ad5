package dev.cctelemetry.app.push;

import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.config.TelemetryConfig;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.remote.RemoteStores;
import dev.cctelemetry.core.error.ErrorLine;
import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.UsageSink;
import dev.cctelemetry.core.push.Backoff;
import dev.cctelemetry.core.adapter.file.JsonPushStatusStore;
import dev.cctelemetry.core.push.PushMode;
import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.core.port.out.PushStatusStore;
import dev.cctelemetry.core.push.Pusher;
import dev.cctelemetry.core.port.out.PlanLimitSink;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.cctelemetry.app.statusline.AllMachinesToday;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.report.RecordStreamQueries;
import dev.cctelemetry.core.report.RemoteRecordSource;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.time.Clock;

/**
 * Pushes the ledger's pending records to the configured store ({@link Pusher} with this machine's identity, the
 * push lock and the push status file). Never throws: every failure (settings, network, ledger) comes back as a
 * result with a one-line, password-free message.
 */
public final class Pushes {

    private static final Logger log = LoggerFactory.getLogger(Pushes.class);

    private final TelemetryEnvironment env;
    private final Configs configs;
    private final RemoteStores stores;
    private final Ledgers ledgers;
    private final Clock clock;

    @Inject
    Pushes(TelemetryEnvironment env, Configs configs, RemoteStores stores, Ledgers ledgers, Clock clock) {
        this.env = env;
        this.configs = configs;
        this.stores = stores;
        this.ledgers = ledgers;
        this.clock = clock;
    }

    /** Where push outcomes and backoff are kept between processes. */
    public PushStatusStore status() {
        return new JsonPushStatusStore(env.layout().pushStatus());
    }

    /**
     * Caches today's cost over every machine for the status line, which never waits on the network: refreshed by
     * every push that got through (hook syncs, the daemon, commands), while the store is open anyway. A failure
     * only leaves the older total, which the status line stops showing once it is stale.
     */
    private void cacheAllMachinesToday(UsageSink sink) {
        try {
            ZoneId zone = ZoneId.systemDefault();
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, zone);
            long picos = new RecordStreamQueries(new RemoteRecordSource(sink, Optional.empty()), "", "")
                    .totals(UsageFilter.ALL.between(Optional.of(today.atStartOfDay(zone).toInstant()),
                            Optional.of(today.plusDays(1).atStartOfDay(zone).toInstant()))).costPicos();
            new AllMachinesToday(env.layout().statuslineAllMachines()).write(zone, today, picos, now);
        } catch (IOException | RuntimeException e) {
            log.debug("cannot cache today's total over every machine: {}", e.toString());
        }
    }

    /** The plan-limit history to push after the records, when both sides keep one (the SQLite ledger, PostgreSQL). */
    private static Optional<Pusher.Readings> readings(Ledger ledger, UsageSink sink) {
        if (ledger instanceof SqliteLedger sqlite && sink instanceof PlanLimitSink limits) {
            return Optional.of(new Pusher.Readings(sqlite.planLimitLog(), limits));
        }
        return Optional.empty();
    }

    /** Pushes {@code ledger}'s pending records when a store is configured. */
    public PushResult push(Ledger ledger, PushMode mode) {
        try {
            TelemetryConfig config = configs.load();
            if (config.store().isEmpty()) {
                return PushResult.notConfigured();
            }
            try (UsageSink sink = stores.sink(config.store().get())) {
                PushResult result = new Pusher(ledger, sink, configs.machine(config),
                        new FileSyncLock(env.layout().pushLock()), status(), Backoff.DEFAULT, clock, Pusher.DEFAULT_BATCH,
                        readings(ledger, sink)).push(mode);
                if (result.outcome() == PushResult.Outcome.PUSHED) {
                    cacheAllMachinesToday(sink);
                }
                return result;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushResult.failedBeforeStart("interrupted");
        } catch (RuntimeException e) {
            return PushResult.failedBeforeStart(ErrorLine.of(e));
        }
    }

    /**
     * For hook workers and the daemon: opens the ledger and pushes with {@link PushMode#AUTOMATIC} (honouring the
     * backoff, never queueing behind another push) when a store is configured.
     */
    public PushResult pushIfConfigured() {
        try {
            if (configs.load().store().isEmpty()) {
                return PushResult.notConfigured();
            }
            try (Ledger ledger = ledgers.open()) {
                return push(ledger, PushMode.AUTOMATIC);
            }
        } catch (RuntimeException e) {
            return PushResult.failedBeforeStart(ErrorLine.of(e));
        }
    }
}
