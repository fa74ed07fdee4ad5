package dev.cctelemetry.web.api;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.GroupDimension;
import dev.cctelemetry.core.query.GroupUsage;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.web.DashboardRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/meta}: what the page needs before any view: where the data comes from (this machine's ledger
 * or the shared store), the server's time zone (the default of the zone menu), and the filter menus' choices
 * (every machine, project and model with a request, at any time).
 */
public final class MetaApi implements DashboardRoutes {

    private final UsageQueries queries;
    private final DataScope scope;
    private final Clock clock;

    /**
     * @param queries the store
     * @param scope which data the dashboard shows
     * @param clock its zone is the default zone
     */
    public MetaApi(UsageQueries queries, DataScope scope, Clock clock) {
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
        // Read before the choices: a commit in between makes the page ask again rather than miss it.
        long change = queries.changeCount();
        FilterChoices choices = new FilterChoices(machines(), keys(GroupDimension.PROJECT),
                keys(GroupDimension.MODEL));
        ctx.json(new Meta(scope.remote() ? "remote" : "local", scope.description(), clock.getZone().getId(),
                FilterParams.DEFAULT_RANGE.key(), choices, change));
    }

    /** Every machine by its name (which the filter accepts as well as its id), sorted. */
    private List<String> machines() {
        return queries.groups(UsageFilter.ALL, GroupDimension.MACHINE).stream().map(GroupsApi::label).sorted()
                .distinct().toList();
    }

    /** Every key of {@code dimension}, sorted: listed without sums (the summary read once per menu). */
    private List<String> keys(GroupDimension dimension) {
        return queries.groupKeys(UsageFilter.ALL, dimension).stream().sorted().distinct().toList();
    }

    /**
     * The values the filter menus offer, each sorted.
     *
     * @param machines machine names with requests
     * @param projects project folders with requests
     * @param models model labels with requests
     */
    record FilterChoices(List<String> machines, List<String> projects, List<String> models) {
    }

    /** The Meta document. */
    record Meta(String scope, String scopeText, String zone, String defaultRange, FilterChoices choices,
            long change) {
    }
}
