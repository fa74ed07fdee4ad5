package dev.cctelemetry.web.api;

import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.web.DashboardRoutes;
import dev.cctelemetry.web.query.DashboardQueries;
import dev.cctelemetry.web.query.GroupUsage;
import dev.cctelemetry.web.query.Grouping;
import dev.cctelemetry.web.query.UsageFilter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/projects}, {@code /api/models}, {@code /api/machines}: usage side by side per project, model
 * or machine, most expensive first, as {@code report projects|models|machines} shows it, with sessions and
 * requests counted; machines also with their last sync per trigger (stale after a day without one).
 */
public final class GroupsApi implements DashboardRoutes {

    private final DashboardQueries queries;
    private final FilterParams params;
    private final LastSyncCard syncs;

    /**
     * @param queries the store
     * @param params reads the filter
     * @param syncs each machine's last syncs (shown next to the machines)
     */
    public GroupsApi(DashboardQueries queries, FilterParams params, LastSyncCard syncs) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.params = Objects.requireNonNull(params, "params is null");
        this.syncs = Objects.requireNonNull(syncs, "syncs is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/projects", ctx -> group(ctx, Grouping.PROJECT));
        routes.get("/api/models", ctx -> group(ctx, Grouping.MODEL));
        routes.get("/api/machines", ctx -> group(ctx, Grouping.MACHINE));
    }

    private void group(Context ctx, Grouping grouping) {
        UsageFilter filter = params.parse(ctx);
        List<GroupUsage> groups = queries.byGroup(filter, grouping);
        ViewTable table = table(grouping, groups);
        List<Slice> slices = groups.stream().map(g -> new Slice(label(grouping, g), g.usage().cost(),
                g.usage().tokens().total())).toList();
        List<LastSyncCard.SyncRow> lastSyncs = grouping == Grouping.MACHINE ? syncs.rows(filter.zone()) : List.of();
        ApiResponses.send(ctx, new Groups(slices, table, lastSyncs), () -> table);
    }

    private static ViewTable table(Grouping grouping, List<GroupUsage> groups) {
        List<TableColumn> columns = new ArrayList<>();
        columns.add(TableColumn.text(switch (grouping) {
            case PROJECT -> "Project";
            case MODEL -> "Model";
            case MACHINE -> "Machine";
        }));
        columns.add(TableColumn.number("Sessions"));
        columns.add(TableColumn.number("Requests"));
        columns.addAll(UsageColumns.COLUMNS);
        Sums all = new Sums();
        List<TableRow> rows = new ArrayList<>();
        long sessions = 0;
        for (GroupUsage g : groups) {
            all.add(g.usage());
            sessions += g.sessions();
            rows.add(UsageColumns.append(TableRow.builder().cell(g.key(), label(grouping, g))
                    .cell(g.sessions(), ReportFigures.count(g.sessions()))
                    .cell(g.usage().requests(), ReportFigures.count(g.usage().requests())), g.usage()).build());
        }
        var sum = all.figures();
        // A session can use several models (and move between projects), so only per-machine counts add up.
        TableRow total = UsageColumns.append(TableRow.builder().text("Total")
                .cell(grouping == Grouping.MACHINE ? sessions : null,
                        grouping == Grouping.MACHINE ? ReportFigures.count(sessions) : "")
                .cell(sum.requests(), ReportFigures.count(sum.requests())), sum).build();
        String name = switch (grouping) {
            case PROJECT -> "projects";
            case MODEL -> "models";
            case MACHINE -> "machines";
        };
        return new ViewTable(name, columns, rows, total, sum.unpricedModels());
    }

    /** What a user reads: a project's working directory when known, else its folder name. */
    private static String label(Grouping grouping, GroupUsage g) {
        return grouping == Grouping.PROJECT && !g.detail().isEmpty() ? g.detail() : g.key();
    }

    /** The Groups document. */
    record Groups(List<Slice> slices, ViewTable table, List<LastSyncCard.SyncRow> syncs) {
    }

    /** One group in the chart. */
    record Slice(String label, double cost, long tokens) {
    }
}
