package dev.cctelemetry.web.api;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.GroupDimension;
import dev.cctelemetry.core.query.GroupUsage;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.query.UsageTally;
import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.web.DashboardRoutes;
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

    private final UsageQueries queries;
    private final FilterParams params;
    private final LastSyncCard syncs;

    /**
     * @param queries the store
     * @param params reads the filter
     * @param syncs each machine's last syncs (shown next to the machines)
     */
    public GroupsApi(UsageQueries queries, FilterParams params, LastSyncCard syncs) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.params = Objects.requireNonNull(params, "params is null");
        this.syncs = Objects.requireNonNull(syncs, "syncs is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/projects", ctx -> group(ctx, GroupDimension.PROJECT));
        routes.get("/api/models", ctx -> group(ctx, GroupDimension.MODEL));
        routes.get("/api/machines", ctx -> group(ctx, GroupDimension.MACHINE));
    }

    private void group(Context ctx, GroupDimension dimension) {
        ViewFilter filter = params.parse(ctx);
        List<GroupUsage> groups = queries.groups(filter.query(), dimension);
        ViewTable table = table(dimension, groups);
        List<Slice> slices = groups.stream().map(g -> new Slice(label(g), g.usage().cost(),
                g.usage().totalTokens())).toList();
        List<LastSyncCard.SyncRow> lastSyncs = dimension == GroupDimension.MACHINE ? syncs.rows(filter.zone())
                : List.of();
        ApiResponses.send(ctx, new Groups(slices, table, lastSyncs), () -> table);
    }

    private static ViewTable table(GroupDimension dimension, List<GroupUsage> groups) {
        List<TableColumn> columns = new ArrayList<>();
        columns.add(TableColumn.text(switch (dimension) {
            case PROJECT -> "Project";
            case MODEL -> "Model";
            case MACHINE -> "Machine";
        }));
        columns.add(TableColumn.number("Sessions"));
        columns.add(TableColumn.number("Requests"));
        columns.addAll(UsageColumns.COLUMNS);
        UsageTally all = new UsageTally();
        List<TableRow> rows = new ArrayList<>();
        long sessions = 0;
        for (GroupUsage g : groups) {
            all.add(g.usage());
            sessions += g.usage().sessions();
            rows.add(UsageColumns.append(TableRow.builder().cell(g.key(), label(g))
                    .cell(g.usage().sessions(), ReportFigures.count(g.usage().sessions()))
                    .cell(g.usage().requests(), ReportFigures.count(g.usage().requests())), g.usage()).build());
        }
        UsageSummary sum = all.summary(sessions);
        // A session can use several models (and move between projects), so only per-machine counts add up.
        boolean additive = dimension == GroupDimension.MACHINE;
        TableRow total = UsageColumns.append(TableRow.builder().text("Total")
                .cell(additive ? sessions : null, additive ? ReportFigures.count(sessions) : "")
                .cell(sum.requests(), ReportFigures.count(sum.requests())), sum).build();
        String name = switch (dimension) {
            case PROJECT -> "projects";
            case MODEL -> "models";
            case MACHINE -> "machines";
        };
        return new ViewTable(name, columns, rows, total, sum.unpricedModels());
    }

    /** What a user reads: a project's working directory or a machine's name when known, else the key. */
    static String label(GroupUsage g) {
        return g.label().isEmpty() ? g.key() : g.label();
    }

    /** The Groups document. */
    record Groups(List<Slice> slices, ViewTable table, List<LastSyncCard.SyncRow> syncs) {
    }

    /** One group in the chart. */
    record Slice(String label, double cost, long tokens) {
    }
}
