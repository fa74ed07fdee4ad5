package dev.cctelemetry.app.metrics;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.GroupDimension;
import dev.cctelemetry.core.query.GroupUsage;
import dev.cctelemetry.core.query.ModelBreakdown;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.usage.TokenCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the usage series (machine x model x project) from the aggregate queries: the projects once (to rank them),
 * the machines, then each machine's projects, whose rows carry their models' shares; never a stream of records
 * here. Projects outside the {@code top} most expensive (over every machine)
 * share the label {@link UsageMetrics#OTHER_PROJECTS}, so a team's dashboard never grows one series per folder
 * anyone ever opened.
 */
final class UsageSeriesTable {

    private UsageSeriesTable() {
    }

    /** Label sets, in the order the series are listed. */
    private record Labels(String machine, String model, String project) {
        static final Comparator<Labels> ORDER = Comparator.comparing(Labels::machine)
                .thenComparing(Labels::model).thenComparing(Labels::project);
    }

    /**
     * @param queries the records of one machine (the ledger) or of many (the shared store)
     * @param top how many projects keep their own label; at least 0
     */
    static List<UsageSeries> of(UsageQueries queries, int top) {
        if (top < 0) {
            throw new IllegalArgumentException("top must be at least 0: " + top);
        }
        Set<String> kept = queries.groups(UsageFilter.ALL, GroupDimension.PROJECT).stream().limit(top)
                .map(GroupUsage::key).collect(Collectors.toSet());
        Map<Labels, Sum> sums = new TreeMap<>(Labels.ORDER);
        for (GroupUsage m : queries.groups(UsageFilter.ALL, GroupDimension.MACHINE)) {
            String machine = m.label().isEmpty() ? m.key() : m.label();
            for (GroupUsage p : queries.groups(UsageFilter.ALL.withMachines(List.of(m.key())),
                    GroupDimension.PROJECT)) {
                String project = kept.contains(p.key()) ? p.key() : UsageMetrics.OTHER_PROJECTS;
                for (ModelBreakdown b : p.usage().breakdowns()) {
                    sums.computeIfAbsent(new Labels(machine, b.model(), project), k -> new Sum()).add(b);
                }
            }
        }
        List<UsageSeries> out = new ArrayList<>(sums.size());
        sums.forEach((l, s) -> out.add(new UsageSeries(l.machine(), l.model(), l.project(), s.tokens, s.costPicos,
                s.requests)));
        return out;
    }

    /** One label set's running sums. */
    private static final class Sum {
        TokenCounts tokens = TokenCounts.ZERO;
        long costPicos;
        long requests;

        void add(ModelBreakdown b) {
            tokens = tokens.plus(b.tokens());
            costPicos += b.costPicos();
            requests += b.requests();
        }
    }
}
