package dev.cctelemetry.mcp.tool;

import dev.cctelemetry.app.budget.BudgetState;
import dev.cctelemetry.app.budget.BudgetsStatus;
import dev.cctelemetry.core.budget.BudgetStatus;
import dev.cctelemetry.core.query.Picodollars;
import dev.cctelemetry.core.report.ReportFigures;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code budgets}: every budget set with {@code cc-telemetry budget set} and where it stands in its period. */
public final class BudgetsTool implements McpTool {

    private final BudgetsStatus budgets;
    private final UserZone zone;

    @Inject
    BudgetsTool(BudgetsStatus budgets, UserZone zone) {
        this.budgets = budgets;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "budgets";
    }

    @Override
    public String description() {
        return "The spending budgets the user set (per day, week or month; for this machine, another or all"
                + " machines; optionally one project): spent so far in the current period, percent used, exceeded"
                + " or not. Same as 'cc-telemetry budget list'.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return InputSchema.object().build();
    }

    @Override
    public ToolAnswer call(ToolArguments args) {
        List<BudgetState> states = budgets.states(zone.zone());
        StringBuilder text = new StringBuilder();
        if (states.isEmpty()) {
            text.append("No budgets are set (cc-telemetry budget set --daily|--weekly|--monthly USD).\n");
        }
        for (BudgetState s : states) {
            text.append("- ").append(s.budget().describe()).append(": ");
            if (s.status().isEmpty()) {
                text.append("not known (").append(s.problem().orElse("")).append(")\n");
                continue;
            }
            BudgetStatus st = s.status().get();
            text.append(ReportFigures.money(Picodollars.usd(st.spentPicos()))).append(" spent (")
                    .append(String.format(Locale.ROOT, "%.1f %%", st.percentUsed())).append(") in the ")
                    .append(s.budget().period().noun()).append(" starting ").append(st.periodStart())
                    .append(st.exceeded() ? ", EXCEEDED" : "").append('\n');
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("timezone", zone.zone().getId());
        json.put("budgets", states.stream().map(BudgetsTool::json).toList());
        return new ToolAnswer(text.toString(), json);
    }

    private static Map<String, Object> json(BudgetState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("budget", s.budget().describe());
        m.put("period", s.budget().period().noun());
        m.put("amountUsd", s.budget().amountUsd().doubleValue());
        s.budget().project().ifPresent(p -> m.put("project", p));
        s.status().ifPresent(st -> {
            m.put("periodStart", st.periodStart().toString());
            m.put("spentUsd", Picodollars.usd(st.spentPicos()));
            m.put("percentUsed", st.percentUsed());
            m.put("exceeded", st.exceeded());
        });
        s.problem().ifPresent(p -> m.put("problem", p));
        return m;
    }
}
