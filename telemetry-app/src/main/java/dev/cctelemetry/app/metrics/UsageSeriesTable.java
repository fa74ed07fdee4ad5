package dev.cctelemetry.app.metrics;

import dev.cctelemetry.core.query.GroupDimension;
import dev.cctelemetry.core.query.GroupUsage;
import dev.cctelemetry.core.query.ModelBreakdown;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.usage.TokenCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the usage series (machine x model x project) from the aggregate queries: one {@code groups} question per
 * machine (its projects, each with its models' shares), never a stream of records here. Projects outside the {@code top} most expensive (over every machine)
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
     * @param machines each machine's queries
     * @param top how many projects keep their own label; at least 0
     */
    static List<UsageSeries> of(List<MachineQueries> machines, int top) {
        if (top < 0) {
            throw new IllegalArgumentException("top must be at least 0: " + top);
        }
        Map<String, List<GroupUsage>> projectsByMachine = new HashMap<>();
        Map<String, Long> projectCost = new HashMap<>();
        for (MachineQueries m : machines) {
            List<GroupUsage> projects = m.queries().groups(UsageFilter.ALL, GroupDimension.PROJECT);
            projectsByMachine.merge(m.machine(), projects, UsageSeriesTable::concat);
            projects.forEach(p -> projectCost.merge(p.key(), p.usage().costPicos(), Long::sum));
        }
        Set<String> kept = projectCost.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).map(Map.Entry::getKey).collect(Collectors.toSet());
        Map<Labels, Sum> sums = new TreeMap<>(Labels.ORDER);
        projectsByMachine.forEach((machine, projects) -> {
            for (GroupUsage p : projects) {
                String project = kept.contains(p.key()) ? p.key() : UsageMetrics.OTHER_PROJECTS;
                for (ModelBreakdown b : p.usage().breakdowns()) {
                    sums.computeIfAbsent(new Labels(machine, b.model(), project), k -> new Sum()).add(b);
                }
            }
        });
        List<UsageSeries> out = new ArrayList<>(sums.size());
        sums.forEach((l, s) -> out.add(new UsageSeries(l.machine(), l.model(), l.project(), s.tokens, s.costPicos,
                s.requests)));
        return out;
    }

    private static List<GroupUsage> concat(List<GroupUsage> a, List<GroupUsage> b) {
        List<GroupUsage> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
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
