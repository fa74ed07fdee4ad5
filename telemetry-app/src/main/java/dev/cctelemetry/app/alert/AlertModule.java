package dev.cctelemetry.app.alert;

import com.google.inject.AbstractModule;

/**
 * The alerts feature: settings, channels and the evaluation run after hook syncs and daemon passes.
 *
 * <p>Public bindings: {@link AlertBook}, {@link AlertChannels}, {@link Alerts}.
 */
public final class AlertModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(AlertBook.class);
        bind(AlertChannels.class);
        bind(Alerts.class);
    }
}
