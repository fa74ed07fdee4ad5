package dev.cctelemetry.web.api;

import dev.cctelemetry.core.report.BlockRow;
import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.web.DashboardRoutes;
import dev.cctelemetry.web.query.DashboardQueries;
import dev.cctelemetry.web.query.UsageFigures;
import dev.cctelemetry.web.query.UsageFilter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/blocks}: the 5-hour blocks whose start falls in the filter's dates, on a timeline and in the
 * table {@code report blocks} prints (gaps included, the active block marked with its burn rate and projection).
 */
public final class BlocksApi implements DashboardRoutes {

    private final DashboardQueries queries;
    private final FilterParams params;

    /**
     * @param queries the store
     * @param params reads the filter
     */
    public BlocksApi(DashboardQueries queries, FilterParams params) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.params = Objects.requireNonNull(params, "params is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/blocks", this::blocks);
    }

    private void blocks(Context ctx) {
        UsageFilter filter = params.parse(ctx);
        List<BlockRow> blocks = queries.blocks(filter);
        List<BlockView> views = blocks.stream().map(b -> BlockView.of(b, filter.zone())).toList();
        List<TableColumn> columns = new ArrayList<>(List.of(TableColumn.text("Block Start"), TableColumn.text("Status"),
                TableColumn.text("Models")));
        columns.addAll(UsageColumns.COLUMNS);
        List<TableRow> rows = new ArrayList<>();
        Sums all = new Sums();
        for (BlockRow b : blocks) {
            TableRow.Builder row = TableRow.builder().cell(b.start().toString(), Times.minute(b.start(), filter.zone()))
                    .text(BlockView.status(b)).text(UsageColumns.models(b.usage().modelsUsed()));
            if (b.gap()) {
                UsageColumns.COLUMNS.forEach(c -> row.cell(null, ""));
            } else {
                UsageFigures u = new UsageFigures(b.usage().tokens(), b.usage().cost(), b.usage().requests(),
                        b.usage().unpricedModels());
                all.add(u);
                UsageColumns.append(row, u);
            }
            rows.add(row.build());
        }
        UsageFigures sum = all.figures();
        TableRow total = UsageColumns.append(TableRow.builder().text("Total").text("").text(""), sum).build();
        ViewTable table = new ViewTable("blocks", columns, rows, total, sum.unpricedModels());
        ApiResponses.send(ctx, new Blocks(views, table), () -> table);
    }

    /** The Blocks document. */
    record Blocks(List<BlockView> blocks, ViewTable table) {
    }
}
