package dev.cctelemetry.app.ledger;

import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.config.TelemetryConfig;
import dev.cctelemetry.core.port.out.UsageQueries;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * The {@link UsageQueries} a front end injects (dashboard, MCP tools): this machine's ledger in SQL, as its
 * configured machine. The ledger is opened once first, so that it exists and has the schema the queries read.
 */
final class LocalUsageQueries implements Provider<UsageQueries> {

    private final Ledgers ledgers;
    private final Configs configs;

    @Inject
    LocalUsageQueries(Ledgers ledgers, Configs configs) {
        this.ledgers = ledgers;
        this.configs = configs;
    }

    @Override
    public UsageQueries get() {
        TelemetryConfig config = configs.load();
        ledgers.open().close();
        return ledgers.queries(config.machineId(), config.machineName());
    }
}
