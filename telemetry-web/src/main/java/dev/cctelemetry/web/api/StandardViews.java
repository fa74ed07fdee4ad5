package dev.cctelemetry.web.api;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.web.DashboardRoutes;
import java.time.Clock;
import java.util.List;

/** The API of every built-in view, wired to one store: what a dashboard launch registers. */
public final class StandardViews {

    private StandardViews() {
    }

    /**
     * The built-in views' endpoints.
     *
     * @param queries the store
     * @param scope which data it holds
     * @param health doctor's checks
     * @param clock today's date and staleness
     * @param extraCards Overview cards of other features
     */
    public static List<DashboardRoutes> of(UsageQueries queries, DataScope scope, HealthSource health,
            Clock clock, List<OverviewCard> extraCards) {
        FilterParams params = new FilterParams(clock);
        LastSyncCard syncs = new LastSyncCard(queries, clock);
        return List.of(new MetaApi(queries, scope, clock), new OverviewApi(queries, params, syncs, extraCards, clock),
                new UsageApi(queries, params), new SessionsApi(queries, params), new GroupsApi(queries, params, syncs),
                new BlocksApi(queries, params, clock), new HealthApi(health, syncs, params));
    }
}
