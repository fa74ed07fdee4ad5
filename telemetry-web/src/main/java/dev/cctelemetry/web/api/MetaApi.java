package dev.cctelemetry.web.api;

import dev.cctelemetry.web.DashboardRoutes;
import dev.cctelemetry.web.query.DashboardQueries;
import dev.cctelemetry.web.query.FilterChoices;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Objects;

/**
 * {@code GET /api/meta}: what the page needs before any view: where the data comes from (this machine's ledger
 * or the shared store), the server's time zone (the default of the zone menu), and the filter menus' choices.
 */
public final class MetaApi implements DashboardRoutes {

    private final DashboardQueries queries;
    private final DataScope scope;
    private final Clock clock;

    /**
     * @param queries the store
     * @param scope which data the dashboard shows
     * @param clock its zone is the default zone
     */
    public MetaApi(DashboardQueries queries, DataScope scope, Clock clock) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.scope = Objects.requireNonNull(scope, "scope is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/meta", this::meta);
    }

    private void meta(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(new Meta(scope.remote() ? "remote" : "local", scope.description(), clock.getZone().getId(),
                FilterParams.DEFAULT_RANGE.key(), queries.choices(), queries.changeCounter()));
    }

    /** The Meta document. */
    record Meta(String scope, String scopeText, String zone, String defaultRange, FilterChoices choices,
            long change) {
    }
}
