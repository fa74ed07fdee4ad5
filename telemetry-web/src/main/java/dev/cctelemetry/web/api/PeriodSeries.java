package dev.cctelemetry.web.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.cctelemetry.core.query.ModelBreakdown;
import dev.cctelemetry.core.query.PeriodUnit;
import dev.cctelemetry.core.query.PeriodUsage;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.query.UsageTally;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Usage over time as the charts draw it: the periods in order, and for each model its cost per period (stack
 * by model), and for each token kind its count per period (stack by kind), plus each period's totals.
 *
 * @param period day, week or month
 * @param labels period labels in order ({@code 2026-07-19}; weeks by their first day; months {@code 2026-07})
 * @param models model labels, sorted
 * @param costByModel per model (same order as {@code models}), its cost in each period
 * @param tokensByKind per token kind (input, output, cacheWrite5m, cacheWrite1h, cacheRead), per period
 * @param totals each period's usage (the table's rows; not sent: the table carries it)
 */
record PeriodSeries(PeriodUnit period, List<String> labels, List<String> models, List<List<Double>> costByModel,
        Map<String, List<Long>> tokensByKind, @JsonIgnore List<UsageSummary> totals) {

    /** Folds the port's periods (oldest first, each with its models' breakdown) into series. */
    static PeriodSeries of(List<PeriodUsage> rows, PeriodUnit period) {
        TreeSet<String> models = new TreeSet<>();
        rows.forEach(r -> models.addAll(r.usage().modelsUsed()));
        List<String> modelList = new ArrayList<>(models);
        Map<String, Integer> index = new HashMap<>();
        List<List<Double>> cost = new ArrayList<>();
        for (String m : modelList) {
            index.put(m, cost.size());
            cost.add(new ArrayList<>());
        }
        Map<String, List<Long>> kinds = new LinkedHashMap<>();
        for (String kind : List.of("input", "output", "cacheWrite5m", "cacheWrite1h", "cacheRead")) {
            kinds.put(kind, new ArrayList<>());
        }
        List<String> labels = new ArrayList<>();
        List<UsageSummary> totals = new ArrayList<>();
        for (PeriodUsage r : rows) {
            UsageSummary t = r.usage();
            labels.add(r.label());
            totals.add(t);
            cost.forEach(series -> series.add(0.0));
            for (ModelBreakdown b : t.breakdowns()) {
                cost.get(index.get(b.model())).set(labels.size() - 1, b.cost());
            }
            kinds.get("input").add(t.tokens().input());
            kinds.get("output").add(t.tokens().output());
            kinds.get("cacheWrite5m").add(t.tokens().cacheWrite5m());
            kinds.get("cacheWrite1h").add(t.tokens().cacheWrite1h());
            kinds.get("cacheRead").add(t.tokens().cacheRead());
        }
        return new PeriodSeries(period, labels, modelList, cost, kinds, totals);
    }

    /**
     * The periods as the CLI's daily/weekly/monthly table: period, models, the six number columns, a totals row
     * (sessions are not summed: a session can span periods).
     */
    ViewTable table(String name) {
        String heading = switch (period) {
            case DAY -> "Date";
            case WEEK -> "Week";
            case MONTH -> "Month";
        };
        List<TableColumn> columns = new ArrayList<>(List.of(TableColumn.text(heading), TableColumn.text("Models")));
        columns.addAll(UsageColumns.COLUMNS);
        List<TableRow> rows = new ArrayList<>();
        UsageTally all = new UsageTally();
        for (int i = 0; i < labels.size(); i++) {
            UsageSummary t = totals.get(i);
            all.add(t);
            rows.add(UsageColumns.append(TableRow.builder().text(labels.get(i))
                    .text(UsageColumns.models(t.modelsUsed())), t).build());
        }
        UsageSummary sum = all.summary(0);
        TableRow total = UsageColumns.append(TableRow.builder().text("Total").text(""), sum).build();
        return new ViewTable(name, columns, rows, total, sum.unpricedModels());
    }
}
