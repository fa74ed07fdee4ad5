package dev.cctelemetry.app.remote;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.config.StoreConfig;
import dev.cctelemetry.core.port.out.RemoteStoreException;
import dev.cctelemetry.core.port.out.UsageSink;
import dev.cctelemetry.store.postgres.PostgresSettings;
import dev.cctelemetry.store.postgres.PostgresUsageSink;
import jakarta.inject.Inject;
import java.util.Optional;

/** The shared PostgreSQL store named in {@code config.json}: its connection settings, and the sink over it. */
public final class RemoteStores {

    private final TelemetryEnvironment env;
    private final Configs configs;

    @Inject
    RemoteStores(TelemetryEnvironment env, Configs configs) {
        this.env = env;
        this.configs = configs;
    }

    /**
     * Connection settings for a configured store, the password resolved from the config or its environment
     * variable.
     *
     * @throws AppException when the settings are unusable (the message never holds the password)
     */
    public PostgresSettings settings(StoreConfig store) {
        String password;
        if (store.passwordEnv().isPresent()) {
            String name = store.passwordEnv().get();
            password = env.env().get(name);
            if (password == null) {
                throw AppException.failure("environment variable " + name + " (store.password_env) is not set", null);
            }
        } else {
            password = store.password().orElse("");
        }
        try {
            PostgresSettings s = PostgresSettings.of(store.url(), store.user(), password)
                    .withTransactionPooler(store.transactionPooler()).withSchema(store.schema());
            return store.sslmode().isEmpty() ? s : s.withSslMode(PostgresSettings.SslMode.ofCode(store.sslmode().get()));
        } catch (IllegalArgumentException e) {
            throw AppException.failure("store settings in config.json: " + e.getMessage(), e);
        }
    }

    /** The store configured for this machine, not yet connected; the caller closes it. Empty when none is. */
    public Optional<UsageSink> open() {
        return configs.load().store().map(this::sink);
    }

    /** A sink over {@code store}, not yet connected; the caller closes it. */
    public UsageSink sink(StoreConfig store) {
        try {
            return new PostgresUsageSink(settings(store));
        } catch (RemoteStoreException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }

    /**
     * Connects to {@code store} once (which also creates or migrates its tables) and says where it is.
     *
     * @throws AppException with a password-free message when it cannot be used
     */
    public String connect(StoreConfig store) {
        try (PostgresUsageSink sink = new PostgresUsageSink(settings(store))) {
            sink.open();
            return sink.describe();
        } catch (RemoteStoreException e) {
            throw AppException.failure(e.getMessage() + "; store not saved", e);
        }
    }
}
