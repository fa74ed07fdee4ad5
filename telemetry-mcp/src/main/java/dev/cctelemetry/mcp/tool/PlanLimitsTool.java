package dev.cctelemetry.mcp.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.app.limits.LimitsReport;
import dev.cctelemetry.app.limits.WindowHistory;
import dev.cctelemetry.app.query.DataScope;
import dev.cctelemetry.app.query.UsageQuerySource;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code plan_limits}: the plan's usage-limit windows as Claude Code's status line reported them, with
 * {@code report limits}'s reading of them (current level, reset, pace, times full).
 */
public final class PlanLimitsTool implements McpTool {

    private final LimitsReport limits;
    private final UsageQuerySource source;
    private final UserZone zone;
    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    PlanLimitsTool(LimitsReport limits, UsageQuerySource source, UserZone zone) {
        this.limits = limits;
        this.source = source;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "plan_limits";
    }

    @Override
    public String description() {
        return "The Claude plan's usage limits (5-hour and weekly windows) as Claude Code's status line reported"
                + " them: how full each window is now, when it resets, the pace (when it would reach 100 % at this"
                + " rate) and how often it was full. Same as 'cc-telemetry report limits'.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return ScopedQueries.schema().build();
    }

    @Override
    public ToolAnswer call(ToolArguments args) {
        DataScope scope = args.choice("scope", DataScope.class).orElseGet(source::defaultScope);
        List<WindowHistory> windows = scope == DataScope.ALL_MACHINES ? limits.remote(Optional.empty())
                : limits.local();
        String where = scope == DataScope.ALL_MACHINES ? "all machines (shared store)" : "this machine";
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scope", InputSchema.wireName(scope));
        try {
            json.putAll(mapper.readValue(limits.json(windows), new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report limits wrote JSON it cannot read back", e);
        }
        return new ToolAnswer(limits.text(windows, zone.zone(), where), json);
    }
}
