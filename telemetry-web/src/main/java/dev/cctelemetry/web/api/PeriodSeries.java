package dev.cctelemetry.web.api;

import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.web.query.Period;
import dev.cctelemetry.web.query.PeriodUsage;
import dev.cctelemetry.web.query.UsageFigures;
import dev.cctelemetry.web.query.UsageFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Usage over time as the charts draw it: the periods in order, and for each model its cost per period (stack
 * by model), and for each token kind its count per period (stack by kind), plus each period's totals.
 *
 * @param period day, week or month
 * @param labels period labels in order ({@code 2026-07-19}; weeks by their Monday; months {@code 2026-07})
 * @param models model ids, sorted
 * @param costByModel per model (same order as {@code models}), its cost in each period
 * @param tokensByKind per token kind (input, output, cacheWrite5m, cacheWrite1h, cacheRead), per period
 * @param totals each period's usage, summed over models
 * @param modelsByPeriod each period's models, sorted
 */
record PeriodSeries(Period period, List<String> labels, List<String> models, List<List<Double>> costByModel,
        Map<String, List<Long>> tokensByKind, List<UsageFigures> totals, List<List<String>> modelsByPeriod) {

    private static final String SYNTHETIC = UsageRecord.SYNTHETIC_MODEL;

    /** Folds per-model rows (oldest first) into series. */
    static PeriodSeries of(List<PeriodUsage> rows, Period period) {
        TreeMap<String, Map<String, UsageFigures>> byLabel = new TreeMap<>();
        TreeSet<String> models = new TreeSet<>();
        for (PeriodUsage r : rows) {
            String label = period == Period.MONTH ? r.start().toString().substring(0, 7) : r.start().toString();
            byLabel.computeIfAbsent(label, k -> new TreeMap<>()).put(r.model(), r.usage());
            // <synthetic> placeholders carry nothing and are no model anyone chose: counted, never charted.
            if (!r.model().equals(SYNTHETIC)) {
                models.add(r.model());
            }
        }
        List<String> labels = new ArrayList<>(byLabel.keySet());
        List<String> modelList = new ArrayList<>(models);
        List<List<Double>> cost = new ArrayList<>();
        for (String m : modelList) {
            List<Double> series = new ArrayList<>();
            for (String l : labels) {
                UsageFigures u = byLabel.get(l).get(m);
                series.add(u == null ? 0.0 : u.cost());
            }
            cost.add(series);
        }
        Map<String, List<Long>> kinds = new LinkedHashMap<>();
        for (String kind : List.of("input", "output", "cacheWrite5m", "cacheWrite1h", "cacheRead")) {
            kinds.put(kind, new ArrayList<>());
        }
        List<UsageFigures> totals = new ArrayList<>();
        List<List<String>> modelsByPeriod = new ArrayList<>();
        for (String l : labels) {
            Sums sum = new Sums();
            byLabel.get(l).values().forEach(sum::add);
            UsageFigures t = sum.figures();
            totals.add(t);
            kinds.get("input").add(t.tokens().input());
            kinds.get("output").add(t.tokens().output());
            kinds.get("cacheWrite5m").add(t.tokens().cacheWrite5m());
            kinds.get("cacheWrite1h").add(t.tokens().cacheWrite1h());
            kinds.get("cacheRead").add(t.tokens().cacheRead());
            modelsByPeriod.add(byLabel.get(l).keySet().stream().filter(m -> !m.equals(SYNTHETIC)).toList());
        }
        return new PeriodSeries(period, labels, modelList, cost, kinds, totals, modelsByPeriod);
    }

    /** The periods as the CLI's daily/monthly table: period, models, the six number columns, a totals row. */
    ViewTable table(String name, UsageFilter filter) {
        String heading = switch (period) {
            case DAY -> "Date";
            case WEEK -> "Week";
            case MONTH -> "Month";
        };
        List<TableColumn> columns = new ArrayList<>(List.of(TableColumn.text(heading), TableColumn.text("Models")));
        columns.addAll(UsageColumns.COLUMNS);
        List<TableRow> rows = new ArrayList<>();
        Sums all = new Sums();
        for (int i = 0; i < labels.size(); i++) {
            UsageFigures t = totals.get(i);
            if (t.tokens().total() == 0) {
                continue;
            }
            all.add(t);
            rows.add(UsageColumns.append(TableRow.builder().text(labels.get(i))
                    .text(UsageColumns.models(modelsByPeriod.get(i))), t).build());
        }
        TableRow total = UsageColumns.append(TableRow.builder().text("Total").text(""), all.figures()).build();
        return new ViewTable(name, columns, rows, total, all.figures().unpricedModels());
    }
}
