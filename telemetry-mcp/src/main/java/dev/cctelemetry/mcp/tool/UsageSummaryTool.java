package dev.cctelemetry.mcp.tool;

import dev.cctelemetry.app.query.ScopedAnswer;
import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.GroupDimension;
import dev.cctelemetry.core.query.GroupUsage;
import dev.cctelemetry.core.query.PeriodGrouping;
import dev.cctelemetry.core.query.PeriodUsage;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.query.UsageSummary;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code usage_summary}: tokens and cost of a period, in total and by day, week, month, project, model or machine. */
public final class UsageSummaryTool implements McpTool {

    /** Rows listed in the text at most; the JSON has every row. */
    private static final int TEXT_ROWS = 40;

    private final ScopedQueries queries;
    private final PeriodArguments periods;

    @Inject
    UsageSummaryTool(ScopedQueries queries, PeriodArguments periods) {
        this.queries = queries;
        this.periods = periods;
    }

    @Override
    public String name() {
        return "usage_summary";
    }

    @Override
    public String description() {
        return "Claude Code token usage and exact cost (USD) for a period (today, this week, last N days, a date"
                + " range...), in total and optionally grouped by day, week, month, project, model or machine."
                + " Figures equal 'cc-telemetry report'.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return PeriodArguments.schema()
                .choice("group_by", SummaryGrouping.class, "Rows to split the total into (default none).")
                .with(ScopedQueries.schema()).build();
    }

    @Override
    public ToolAnswer call(ToolArguments args) {
        LocalPeriod period = periods.read(args, PeriodName.TODAY);
        SummaryGrouping grouping = args.choice("group_by", SummaryGrouping.class).orElse(SummaryGrouping.NONE);
        ScopedAnswer<Result> answer = queries.ask(args, q -> result(q, period, grouping));
        Result r = answer.value();

        StringBuilder text = new StringBuilder().append("Claude Code usage ").append(period.describe())
                .append(", ").append(answer.source()).append(", time zone ").append(period.zone().getId())
                .append(":\nTotal: ").append(UsageFacts.line(r.totals())).append('\n');
        if (grouping != SummaryGrouping.NONE) {
            text.append("By ").append(InputSchema.wireName(grouping)).append(":\n");
            if (r.rows().isEmpty()) {
                text.append("(no usage)\n");
            }
            r.rows().stream().limit(TEXT_ROWS).forEach(row -> text.append("- ").append(row.label()).append(": ")
                    .append(UsageFacts.line(row.usage())).append('\n'));
            if (r.rows().size() > TEXT_ROWS) {
                text.append("… and ").append(r.rows().size() - TEXT_ROWS).append(" more (in the structured result)\n");
            }
        }
        Map<String, Object> json = new LinkedHashMap<>(ScopedQueries.json(answer));
        json.put("period", period.json());
        json.put("groupBy", InputSchema.wireName(grouping));
        json.put("totals", UsageFacts.json(r.totals()));
        json.put("rows", r.rows().stream().map(Row::json).toList());
        return new ToolAnswer(text.toString(), json);
    }

    private static Result result(UsageQueries q, LocalPeriod period, SummaryGrouping grouping) {
        UsageFilter filter = period.filter();
        UsageSummary totals = q.totals(filter);
        List<Row> rows = new ArrayList<>();
        switch (grouping) {
            case NONE -> { }
            case DAY -> periods(q.periods(filter, PeriodGrouping.days(period.zone())), rows);
            case WEEK -> periods(q.periods(filter, PeriodGrouping.weeks(period.zone(), DayOfWeek.SUNDAY)), rows);
            case MONTH -> periods(q.periods(filter, PeriodGrouping.months(period.zone())), rows);
            case PROJECT -> groups(q.groups(filter, GroupDimension.PROJECT), rows);
            case MODEL -> groups(q.groups(filter, GroupDimension.MODEL), rows);
            case MACHINE -> groups(q.groups(filter, GroupDimension.MACHINE), rows);
        }
        return new Result(totals, rows);
    }

    private static void periods(List<PeriodUsage> usage, List<Row> rows) {
        usage.forEach(p -> rows.add(new Row(p.start().toString(), p.label(), p.usage())));
    }

    private static void groups(List<GroupUsage> usage, List<Row> rows) {
        usage.forEach(g -> rows.add(new Row(g.key(), g.label().isEmpty() ? g.key() : g.label(), g.usage())));
    }

    /** The totals and the rows. */
    private record Result(UsageSummary totals, List<Row> rows) {
    }

    /** One row: its key (date, project folder, model, machine id), what a reader sees, its usage. */
    private record Row(String key, String label, UsageSummary usage) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", key);
            m.put("label", label);
            m.putAll(UsageFacts.json(usage));
            return m;
        }
    }
}
