package dev.cctelemetry.app;

import com.google.inject.AbstractModule;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.doctor.DoctorChecks;
import dev.cctelemetry.app.hooks.RunningJar;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.roots.ClaudeRoots;
import dev.cctelemetry.app.roots.KnownRoots;
import dev.cctelemetry.app.setup.SetupSteps;
import dev.cctelemetry.app.setup.Uninstaller;
import dev.cctelemetry.app.status.StatusQuery;
import java.time.Clock;

/**
 * The root module: the process's environment, its layout and clock, and what every feature shares (config,
 * Claude roots, status, doctor, setup). Turns on Guice's strict mode for the whole injector: every class is bound
 * here or in a feature module (no just-in-time bindings), constructors are marked {@code @Inject}, and a cycle
 * fails instead of being hidden behind a proxy.
 *
 * <p>Public bindings: {@link ProcessContext}, {@link TelemetryEnvironment}, {@link Clock}, {@link InstallLayout}, {@link RunningJar},
 * {@link Configs}, {@link ClaudeRoots}, {@link KnownRoots}, {@link StatusQuery}, {@link DoctorChecks},
 * {@link SetupSteps}, {@link Uninstaller}.
 */
final class AppModule extends AbstractModule {

    private final ProcessContext context;

    AppModule(ProcessContext context) {
        this.context = context;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().requireAtInjectOnConstructors();
        binder().disableCircularProxies();
        // Plain bindings, not @Provides methods: Guice reads every method's annotations to find those, which was
        // a tenth of a start-up.
        bind(ProcessContext.class).toInstance(context);
        bind(TelemetryEnvironment.class).toInstance(context.environment());
        bind(Clock.class).toInstance(context.clock());
        bind(InstallLayout.class).toInstance(context.environment().layout());
        // The jar setup-hooks installs and services run: the front end's (looked up when asked).
        Class<?> entryPoint = context.entryPoint();
        bind(RunningJar.class).toProvider(() -> RunningJar.containing(entryPoint));
        bind(Configs.class);
        bind(ClaudeRoots.class);
        bind(KnownRoots.class);
        bind(StatusQuery.class);
        bind(DoctorChecks.class);
        bind(SetupSteps.class);
        bind(Uninstaller.class);
    }
}
