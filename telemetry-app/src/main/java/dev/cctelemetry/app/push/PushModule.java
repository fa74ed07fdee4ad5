package dev.cctelemetry.app.push;

import com.google.inject.AbstractModule;

/**
 * The push feature: the ledger's pending records to the remote store, with backoff and status.
 *
 * <p>Public bindings: {@link Pushes}, {@link PushAfterPass}.
 */
public final class PushModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Pushes.class);
        bind(PushAfterPass.class);
    }
}
