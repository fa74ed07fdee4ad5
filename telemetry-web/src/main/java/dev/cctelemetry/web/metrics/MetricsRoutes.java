package dev.cctelemetry.web.metrics;

import dev.cctelemetry.app.metrics.UsageMetrics;
import dev.cctelemetry.web.DashboardRoutes;
import io.javalin.config.RoutesConfig;
import java.util.function.Supplier;

/**
 * {@code /metrics} on the dashboard's server, behind its access guard: a scraper sends the launch token as
 * {@code Authorization: Bearer TOKEN} (it cannot keep the browser's cookie).
 */
public final class MetricsRoutes implements DashboardRoutes {

    private final MetricsEndpoint endpoint;

    /** @param source reads the metrics the dashboard shows (local ledger or shared store), once per scrape */
    public MetricsRoutes(Supplier<UsageMetrics> source) {
        this.endpoint = new MetricsEndpoint(source);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(MetricsEndpoint.PATH, endpoint);
    }
}
