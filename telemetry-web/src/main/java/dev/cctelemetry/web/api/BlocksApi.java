package dev.cctelemetry.web.api;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.UsageBlock;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.query.UsageTally;
import dev.cctelemetry.core.report.ReportOptions;
import dev.cctelemetry.web.DashboardRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/blocks}: the 5-hour blocks whose start falls in the filter's dates, on a timeline and in the
 * table {@code report blocks} prints (gaps included, the active block marked with its burn rate and projection).
 */
public final class BlocksApi implements DashboardRoutes {

    private final UsageQueries queries;
    private final FilterParams params;
    private final Clock clock;

    /**
     * @param queries the store
     * @param params reads the filter
     * @param clock decides which block is active
     */
    public BlocksApi(UsageQueries queries, FilterParams params, Clock clock) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.params = Objects.requireNonNull(params, "params is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/blocks", this::blocks);
    }

    private void blocks(Context ctx) {
        ViewFilter filter = params.parse(ctx);
        List<UsageBlock> blocks = queries.blocks(filter.query(), ReportOptions.DEFAULT_BLOCK_LENGTH, clock.instant());
        List<BlockView> views = blocks.stream().map(b -> BlockView.of(b, filter.zone())).toList();
        List<TableColumn> columns = new ArrayList<>(List.of(TableColumn.text("Block Start"), TableColumn.text("Status"),
                TableColumn.text("Models")));
        columns.addAll(UsageColumns.COLUMNS);
        List<TableRow> rows = new ArrayList<>();
        UsageTally all = new UsageTally();
        for (UsageBlock b : blocks) {
            TableRow.Builder row = TableRow.builder().cell(b.start().toString(), Times.minute(b.start(), filter.zone()))
                    .text(BlockView.status(b)).text(UsageColumns.models(b.usage().modelsUsed()));
            if (b.gap()) {
                UsageColumns.COLUMNS.forEach(c -> row.cell(null, ""));
            } else {
                all.add(b.usage());
                UsageColumns.append(row, b.usage());
            }
            rows.add(row.build());
        }
        UsageSummary sum = all.summary(0);
        TableRow total = UsageColumns.append(TableRow.builder().text("Total").text("").text(""), sum).build();
        ViewTable table = new ViewTable("blocks", columns, rows, total, sum.unpricedModels());
        ApiResponses.send(ctx, new Blocks(views, table), () -> table);
    }

    /** The Blocks document. */
    record Blocks(List<BlockView> blocks, ViewTable table) {
    }
}
