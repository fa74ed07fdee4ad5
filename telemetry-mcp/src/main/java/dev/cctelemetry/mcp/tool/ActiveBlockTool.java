package dev.cctelemetry.mcp.tool;

import dev.cctelemetry.app.query.ScopedAnswer;
import dev.cctelemetry.core.query.BlockProjection;
import dev.cctelemetry.core.query.BurnRate;
import dev.cctelemetry.core.query.IsoMillis;
import dev.cctelemetry.core.query.UsageBlock;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.core.report.ReportOptions;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code active_block}: the 5-hour billing block running now (ccusage's blocks, as {@code report blocks} shows
 * them), its usage, burn rate and projection to its end.
 */
public final class ActiveBlockTool implements McpTool {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ScopedQueries queries;
    private final Clock clock;
    private final UserZone zone;

    @Inject
    ActiveBlockTool(ScopedQueries queries, Clock clock, UserZone zone) {
        this.queries = queries;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "active_block";
    }

    @Override
    public String description() {
        return "The current 5-hour billing block of Claude Code usage (as 'cc-telemetry report blocks' and ccusage"
                + " count them): when it started and ends, tokens and cost so far, burn rate (tokens per minute,"
                + " USD per hour) and the projected total at its end.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return ScopedQueries.schema().build();
    }

    @Override
    public ToolAnswer call(ToolArguments args) {
        Instant now = clock.instant();
        Duration length = ReportOptions.DEFAULT_BLOCK_LENGTH;
        // A block still active at `now` started less than one block length ago.
        UsageFilter recent = UsageFilter.ALL.between(Optional.of(now.minus(length)), Optional.empty());
        ScopedAnswer<List<UsageBlock>> answer = queries.ask(args, q -> q.blocks(recent, length, now));
        Optional<UsageBlock> active = answer.value().stream().filter(b -> b.active() && !b.gap()).findFirst();

        Map<String, Object> json = new LinkedHashMap<>(ScopedQueries.json(answer));
        json.put("timezone", zone.zone().getId());
        json.put("now", IsoMillis.format(now));
        if (active.isEmpty()) {
            json.put("active", false);
            return new ToolAnswer("No active 5-hour block: no Claude Code usage in the last 5 hours ("
                    + answer.source() + ").\n", json);
        }
        UsageBlock b = active.get();
        StringBuilder text = new StringBuilder().append("Active 5-hour block, ").append(answer.source())
                .append(": started ").append(local(b.start())).append(", ends ").append(local(b.end()))
                .append(" (").append(zone.zone().getId()).append("), ")
                .append(ReportFigures.hoursMinutes(Duration.between(now, b.end()))).append(" left.\n")
                .append("So far: ").append(UsageFacts.line(b.usage())).append('\n');
        b.burnRate().ifPresent(r -> text.append("Burn rate: ")
                .append(ReportFigures.count(Math.round(r.tokensPerMinute()))).append(" tokens/min, ")
                .append(ReportFigures.money(r.costPerHour())).append("/hour\n"));
        b.projection().ifPresent(p -> text.append("Projected at block end: ")
                .append(ReportFigures.money(p.totalCost())).append(", ")
                .append(ReportFigures.count(p.totalTokens())).append(" tokens\n"));

        json.put("active", true);
        json.put("startTime", IsoMillis.format(b.start()));
        json.put("endTime", IsoMillis.format(b.end()));
        b.actualEnd().ifPresent(t -> json.put("lastActivity", IsoMillis.format(t)));
        json.put("usage", UsageFacts.json(b.usage()));
        b.burnRate().ifPresent(r -> json.put("burnRate", burnRate(r)));
        b.projection().ifPresent(p -> json.put("projection", projection(p)));
        return new ToolAnswer(text.toString(), json);
    }

    private String local(Instant t) {
        return LOCAL_TIME.format(t.atZone(zone.zone()));
    }

    private static Map<String, Object> burnRate(BurnRate r) {
        return Map.of("tokensPerMinute", r.tokensPerMinute(), "costPerHour", r.costPerHour());
    }

    private static Map<String, Object> projection(BlockProjection p) {
        return Map.of("totalTokens", p.totalTokens(), "totalCost", p.totalCost(),
                "remainingMinutes", p.remainingMinutes());
    }
}
