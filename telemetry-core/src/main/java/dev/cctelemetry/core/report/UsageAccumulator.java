package dev.cctelemetry.core.report;

import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.ReportedUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Sums records into a {@link UsageSummary}; one per report row. Not thread-safe. */
final class UsageAccumulator {

    private TokenCounts tokens = TokenCounts.ZERO;
    private double cost;
    private long records;
    private final Map<String, Part> byModel = new TreeMap<>();
    private final TreeSet<String> unpriced = new TreeSet<>();

    /** The label a record is reported under: ccusage shows fast-mode responses as {@code <model>-fast}. */
    static String modelLabel(ReportedUsage r) {
        return r.fast() ? r.model() + "-fast" : r.model();
    }

    void add(ReportedUsage r) {
        tokens = tokens.plus(r.tokens());
        cost += r.costUsd();
        records++;
        if (r.costSource() == CostSource.UNPRICED) {
            unpriced.add(r.model());
        }
        // <synthetic> entries are local placeholders, not a model anyone chose; ccusage leaves them out too.
        if (!r.synthetic()) {
            byModel.computeIfAbsent(modelLabel(r), k -> new Part()).add(r);
        }
    }

    void addAll(UsageSummary s) {
        tokens = tokens.plus(s.tokens());
        cost += s.cost();
        records += s.records();
        unpriced.addAll(s.unpricedModels());
        for (ModelBreakdown b : s.breakdowns()) {
            Part p = byModel.computeIfAbsent(b.model(), k -> new Part());
            p.tokens = p.tokens.plus(b.tokens());
            p.cost += b.cost();
            p.records += b.records();
        }
    }

    UsageSummary summary() {
        List<ModelBreakdown> breakdowns = new ArrayList<>();
        byModel.forEach((m, p) -> breakdowns.add(new ModelBreakdown(m, p.tokens, p.cost, p.records)));
        breakdowns.sort(Comparator.comparingDouble(ModelBreakdown::cost).reversed()
                .thenComparing(ModelBreakdown::model));
        return new UsageSummary(tokens, cost, records, List.copyOf(byModel.keySet()), breakdowns,
                List.copyOf(unpriced));
    }

    private static final class Part {
        private TokenCounts tokens = TokenCounts.ZERO;
        private double cost;
        private long records;

        void add(ReportedUsage r) {
            tokens = tokens.plus(r.tokens());
            cost += r.costUsd();
            records++;
        }
    }
}
