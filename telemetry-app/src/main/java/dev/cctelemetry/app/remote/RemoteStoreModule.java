package dev.cctelemetry.app.remote;

import com.google.inject.AbstractModule;
import dev.cctelemetry.app.doctor.PostgresStoreProbe;
import dev.cctelemetry.app.doctor.StoreProbe;

/**
 * The remote store feature: the shared PostgreSQL store behind the {@code UsageSink} port.
 *
 * <p>Public bindings: {@link RemoteStores}, {@link StoreProbe} (connects once, with short timeouts).
 */
public final class RemoteStoreModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(RemoteStores.class);
        bind(StoreProbe.class).to(PostgresStoreProbe.class);
        bind(PostgresStoreProbe.class);
    }
}
