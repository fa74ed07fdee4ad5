package dev.cctelemetry.app.daemon;

import com.google.inject.AbstractModule;
import dev.cctelemetry.app.service.ServiceSupport;

/**
 * The daemon feature: the reconciliation loop, and the OS service that runs it.
 *
 * <p>Public bindings: {@link Daemon}, {@link ServiceSupport}.
 */
public final class DaemonModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Daemon.class);
        bind(ServiceSupport.class);
    }
}
