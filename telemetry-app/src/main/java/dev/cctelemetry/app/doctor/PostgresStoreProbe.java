package dev.cctelemetry.app.doctor;

import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.config.StoreConfig;
import dev.cctelemetry.store.postgres.PostgresSettings;
import dev.cctelemetry.store.postgres.PostgresUsageSink;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;

/** {@link StoreProbe} for PostgreSQL, with short timeouts so doctor and setup never hang. */
public final class PostgresStoreProbe implements StoreProbe {

    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration STATEMENT = Duration.ofSeconds(15);

    private final Map<String, String> env;

    /** A probe reading password variables from the process's environment. */
    @Inject
    PostgresStoreProbe(TelemetryEnvironment environment) {
        this(environment.env());
    }

    /** A probe reading password variables from {@code env}. */
    public PostgresStoreProbe(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The settings {@code store} describes, with short timeouts. */
    public PostgresSettings settings(StoreConfig store) {
        PostgresSettings s = PostgresSettings.of(store.url(), store.user(), store.resolvePassword(env))
                .withTransactionPooler(store.transactionPooler()).withSchema(store.schema())
                .withTimeouts(CONNECT, STATEMENT);
        return store.sslmode().map(m -> s.withSslMode(PostgresSettings.SslMode.ofCode(m))).orElse(s);
    }

    @Override
    public void connect(StoreConfig store) {
        try (PostgresUsageSink sink = new PostgresUsageSink(settings(store))) {
            sink.open();
        }
    }

    @Override
    public Map<String, String> environment() {
        return env;
    }
}
