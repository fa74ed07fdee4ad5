package dev.cctelemetry.mcp.tool;

import jakarta.inject.Inject;
import java.util.List;

/** Every tool the server offers, in the order {@code tools/list} gives them. */
public final class UsageTools {

    private final List<McpTool> all;

    @Inject
    UsageTools(UsageSummaryTool summary, TopSessionsTool sessions, ActiveBlockTool block, ComparePeriodsTool compare,
            CostForecastTool forecast, PlanLimitsTool limits, BudgetsTool budgets) {
        this.all = List.of(summary, sessions, block, compare, forecast, limits, budgets);
    }

    /** The tools. */
    public List<McpTool> all() {
        return all;
    }
}
