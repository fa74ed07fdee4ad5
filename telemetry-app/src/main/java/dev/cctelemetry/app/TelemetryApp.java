package dev.cctelemetry.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import dev.cctelemetry.app.alert.AlertModule;
import dev.cctelemetry.app.daemon.DaemonModule;
import dev.cctelemetry.app.dashboard.DashboardModule;
import dev.cctelemetry.app.hooks.HooksModule;
import dev.cctelemetry.app.ledger.LedgerModule;
import dev.cctelemetry.app.metrics.MetricsModule;
import dev.cctelemetry.app.otlp.OtlpModule;
import dev.cctelemetry.app.push.PushModule;
import dev.cctelemetry.app.remote.RemoteStoreModule;
import dev.cctelemetry.app.sync.SyncModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the one injector of a process from the application's feature modules plus the front end's own (its
 * commands or handlers), so every front end (the CLI, a dashboard, an MCP server) asks it for the same use cases
 * and ports. Building it does no I/O: modules only bind, and what they bind opens files when first used.
 */
public final class TelemetryApp {

    private TelemetryApp() {
    }

    /**
     * The application's modules: the root module and one per feature (ledger, remote store, sync, push, hooks,
     * daemon, dashboard, metrics, OTLP export, alerts) and the platform's adapters.
     */
    public static List<Module> modules(ProcessContext context) {
        return List.of(new AppModule(context), new LedgerModule(), new RemoteStoreModule(),
                new SyncModule(context.gate()), new PushModule(), new HooksModule(), new DaemonModule(),
                new DashboardModule(), new MetricsModule(), new OtlpModule(), new AlertModule(),
                context.platform().module());
    }

    /** The injector of the application's modules and {@code frontEnd}'s, in production mode. */
    public static Injector injector(ProcessContext context, Module... frontEnd) {
        List<Module> all = new ArrayList<>(modules(context));
        all.addAll(List.of(frontEnd));
        return Guice.createInjector(Stage.PRODUCTION, all);
    }
}
