package dev.cctelemetry.mcp;

import com.google.inject.AbstractModule;
import dev.cctelemetry.mcp.tool.ActiveBlockTool;
import dev.cctelemetry.mcp.tool.BudgetsTool;
import dev.cctelemetry.mcp.tool.ComparePeriodsTool;
import dev.cctelemetry.mcp.tool.CostForecastTool;
import dev.cctelemetry.mcp.tool.PeriodArguments;
import dev.cctelemetry.mcp.tool.PlanLimitsTool;
import dev.cctelemetry.mcp.tool.ScopedQueries;
import dev.cctelemetry.mcp.tool.TopSessionsTool;
import dev.cctelemetry.mcp.tool.UsageSummaryTool;
import dev.cctelemetry.mcp.tool.UsageTools;
import dev.cctelemetry.mcp.tool.UserZone;
import java.time.ZoneId;

/**
 * The MCP server's bindings: the server, its tools and what they share. The front end that starts it installs
 * this module beside the application's and says which zone is the user's.
 */
public final class McpModule extends AbstractModule {

    private final ZoneId zone;

    /** The module, with dates in {@code zone}. */
    public McpModule(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    protected void configure() {
        bind(UserZone.class).toInstance(new UserZone(zone));
        bind(ScopedQueries.class);
        bind(PeriodArguments.class);
        bind(UsageSummaryTool.class);
        bind(TopSessionsTool.class);
        bind(ActiveBlockTool.class);
        bind(ComparePeriodsTool.class);
        bind(CostForecastTool.class);
        bind(PlanLimitsTool.class);
        bind(BudgetsTool.class);
        bind(UsageTools.class);
        bind(UsageMcpServer.class);
    }
}
