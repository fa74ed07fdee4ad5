package dev.cctelemetry.app.metrics;

import com.google.inject.AbstractModule;

/**
 * The metrics feature: usage and sync health for Prometheus scrapes.
 *
 * <p>Public bindings: {@link UsageMetricsReader}.
 */
public final class MetricsModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(UsageMetricsReader.class);
    }
}
