package dev.cctelemetry.mcp.tool;

import dev.cctelemetry.app.query.ScopedAnswer;
import dev.cctelemetry.core.query.IsoMillis;
import dev.cctelemetry.core.query.SessionPage;
import dev.cctelemetry.core.query.SessionQuery;
import dev.cctelemetry.core.query.SessionUsage;
import dev.cctelemetry.core.report.ReportFigures;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code top_sessions}: the most expensive (or largest, latest, longest) sessions active in a period. */
public final class TopSessionsTool implements McpTool {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ScopedQueries queries;
    private final PeriodArguments periods;

    @Inject
    TopSessionsTool(ScopedQueries queries, PeriodArguments periods) {
        this.queries = queries;
        this.periods = periods;
    }

    @Override
    public String name() {
        return "top_sessions";
    }

    @Override
    public String description() {
        return "The Claude Code sessions that cost the most (or used the most tokens, ran last or longest) among"
                + " those active in a period: project, machine, models, start and end, tokens and exact cost."
                + " Default period: the last 7 days.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return PeriodArguments.schema()
                .choice("order_by", SessionRanking.class, "Rank by cost (default), tokens, recent or longest.")
                .integer("limit", 1, 50, "How many sessions (default 10).")
                .with(ScopedQueries.schema()).build();
    }

    @Override
    public ToolAnswer call(ToolArguments args) {
        LocalPeriod period = periods.read(args, PeriodName.LAST_DAYS);
        SessionRanking ranking = args.choice("order_by", SessionRanking.class).orElse(SessionRanking.COST);
        int limit = args.integer("limit", 1, 50).orElse(10);
        ScopedAnswer<SessionPage> answer = queries.ask(args,
                q -> q.sessions(period.filter(), new SessionQuery(ranking.order(), true, 0, limit)));
        SessionPage page = answer.value();
        ZoneId zone = period.zone();

        StringBuilder text = new StringBuilder().append("Top ").append(page.sessions().size()).append(" of ")
                .append(UsageFacts.plural(page.total(), "session")).append(" by ").append(InputSchema.wireName(ranking))
                .append(", active ").append(period.describe()).append(", ").append(answer.source())
                .append(", times in ").append(zone.getId()).append(":\n");
        int rank = 1;
        for (SessionUsage s : page.sessions()) {
            text.append(rank++).append(". ").append(project(s)).append(" — ")
                    .append(ReportFigures.money(s.usage().cost())).append(", ")
                    .append(ReportFigures.count(s.usage().totalTokens())).append(" tokens, ")
                    .append(UsageFacts.plural(s.usage().requests(), "request")).append(", ")
                    .append(LOCAL_TIME.format(s.firstActivity().atZone(zone))).append(" to ")
                    .append(LOCAL_TIME.format(s.lastActivity().atZone(zone)))
                    .append(" (").append(ReportFigures.hoursMinutes(s.duration())).append(")")
                    .append(s.machineName().isEmpty() ? "" : ", machine " + s.machineName())
                    .append(", models ").append(String.join(", ", s.usage().modelsUsed().stream()
                            .map(ReportFigures::shortModel).toList()))
                    .append(", session ").append(s.sessionId()).append('\n');
        }
        text.append("All ").append(UsageFacts.plural(page.total(), "session")).append(" together: ")
                .append(UsageFacts.line(page.totals())).append('\n');

        Map<String, Object> json = new LinkedHashMap<>(ScopedQueries.json(answer));
        json.put("period", period.json());
        json.put("orderBy", InputSchema.wireName(ranking));
        json.put("sessionCount", page.total());
        json.put("totals", UsageFacts.json(page.totals()));
        json.put("sessions", page.sessions().stream().map(TopSessionsTool::json).toList());
        return new ToolAnswer(text.toString(), json);
    }

    private static String project(SessionUsage s) {
        if (!s.cwd().isEmpty()) {
            return s.cwd();
        }
        return s.projectDir().isEmpty() ? "(unknown project)" : s.projectDir();
    }

    private static Map<String, Object> json(SessionUsage s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessionId", s.sessionId());
        m.put("projectPath", s.projectDir());
        m.put("cwd", s.cwd());
        m.put("machine", s.machineName());
        m.put("firstActivity", IsoMillis.format(s.firstActivity()));
        m.put("lastActivity", IsoMillis.format(s.lastActivity()));
        m.put("modelsUsed", s.usage().modelsUsed());
        m.putAll(UsageFacts.json(s.usage()));
        return m;
    }
}
