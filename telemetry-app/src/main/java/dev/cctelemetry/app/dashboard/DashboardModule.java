package dev.cctelemetry.app.dashboard;

import com.google.inject.AbstractModule;

/**
 * The dashboard feature: where a dashboard launch reads from.
 *
 * <p>Public bindings: {@link DashboardSources}.
 */
public final class DashboardModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(DashboardSources.class);
    }
}
