package dev.cctelemetry.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import java.time.Clock;

/**
 * The composition root's bindings: the process environment and the clock. Commands and services are built by
 * constructor injection. Fast and free of side effects: nothing is opened here.
 */
final class CliModule extends AbstractModule {

    private final TelemetryEnvironment environment;
    private final Clock clock;

    CliModule(TelemetryEnvironment environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    protected void configure() {
        binder().disableCircularProxies();
    }

    @Provides
    TelemetryEnvironment environment() {
        return environment;
    }

    @Provides
    Clock clock() {
        return clock;
    }
}
