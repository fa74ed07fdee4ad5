package dev.cctelemetry.web;

import io.javalin.config.RoutesConfig;

/**
 * A group of endpoints the dashboard serves. The server registers every contribution it is given, behind the
 * same access guard and headers as its own: a feature adds its endpoints (e.g. {@code /metrics}) by adding a
 * contribution, without touching the server. Endpoints must not change any data.
 */
@FunctionalInterface
public interface DashboardRoutes {

    /** Adds this contribution's endpoints. */
    void register(RoutesConfig routes);
}
