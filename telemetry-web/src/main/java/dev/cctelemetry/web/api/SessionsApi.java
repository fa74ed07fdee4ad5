package dev.cctelemetry.web.api;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.RequestUsage;
import dev.cctelemetry.core.query.SessionOrder;
import dev.cctelemetry.core.query.SessionPage;
import dev.cctelemetry.core.query.SessionQuery;
import dev.cctelemetry.core.query.SessionUsage;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.web.DashboardRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * {@code GET /api/sessions?sort=COLUMN&dir=asc|desc&page=N&size=N}: one page of the sessions table (machine,
 * project, first and last activity, duration, models, tokens, cost), sorted and paged in the store; and
 * {@code GET /api/sessions/{id}}: one session with its API responses over time (subagents marked).
 */
public final class SessionsApi implements DashboardRoutes {

    /** Rows per page unless the URL asks for another size. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 500;

    private final UsageQueries queries;
    private final FilterParams params;

    /**
     * @param queries the store
     * @param params reads the filter
     */
    public SessionsApi(UsageQueries queries, FilterParams params) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.params = Objects.requireNonNull(params, "params is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/sessions", this::sessions);
        routes.get("/api/sessions/{id}", this::session);
    }

    private void sessions(Context ctx) {
        ViewFilter filter = params.parse(ctx);
        Sort sort = Sort.of(ctx.queryParam("sort"));
        boolean descending = descending(ctx.queryParam("dir"));
        int size = number(ctx, "size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        int page = number(ctx, "page", 1, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        SessionPage result = queries.sessions(filter.query(),
                new SessionQuery(sort.order, descending, (page - 1) * size, size));
        ViewTable table = table(result.sessions(), filter.zone());
        ApiResponses.send(ctx, new Sessions(result.total(), page, size, sort.name().toLowerCase(Locale.ROOT),
                descending ? "desc" : "asc", table), () -> table);
    }

    private void session(Context ctx) {
        String id = ctx.pathParam("id");
        ZoneId zone = params.parse(ctx).zone();
        SessionUsage s = queries.sessions(UsageFilter.ALL.withSession(id),
                new SessionQuery(SessionOrder.LAST_ACTIVITY, true, 0, 1)).sessions().stream().findFirst()
                .orElseThrow(() -> new NotFoundResponse("no session " + id));
        List<RequestUsage> requests = queries.sessionRequests(id);
        List<TableColumn> columns = new ArrayList<>(List.of(TableColumn.text("Time"), TableColumn.text("Model"),
                TableColumn.text("Agent")));
        columns.addAll(UsageColumns.COLUMNS);
        List<TableRow> rows = new ArrayList<>();
        for (RequestUsage r : requests) {
            UsageSummary u = new UsageSummary(r.tokens(), r.costPicos(), 1, 1, List.of());
            rows.add(UsageColumns.append(TableRow.builder().cell(r.timestamp().toString(),
                    Times.minute(r.timestamp(), zone)).cell(r.model(), ReportFigures.shortModel(r.model()))
                    .text(r.subagent() ? "subagent" : "main"), u).build());
        }
        TableRow total = UsageColumns.append(TableRow.builder().text("Total").text("").text(""), s.usage()).build();
        ViewTable table = new ViewTable("session-" + id, columns, rows, total, s.usage().unpricedModels());
        List<Point> points = requests.stream().map(r -> new Point(r.timestamp().toString(), r.model(),
                r.tokens().total(), r.cost(), r.subagent())).toList();
        ApiResponses.send(ctx, new Session(summary(s, zone), points, table), () -> table);
    }

    private static ViewTable table(List<SessionUsage> sessions, ZoneId zone) {
        List<TableColumn> columns = new ArrayList<>(List.of(TableColumn.text("Session"), TableColumn.text("Machine"),
                TableColumn.text("Project"), TableColumn.text("First Activity"), TableColumn.text("Last Activity"),
                TableColumn.text("Duration"), TableColumn.text("Models")));
        columns.addAll(UsageColumns.COLUMNS);
        List<TableRow> rows = new ArrayList<>();
        TreeSet<String> unpriced = new TreeSet<>();
        for (SessionUsage s : sessions) {
            SessionView v = summary(s, zone);
            unpriced.addAll(s.usage().unpricedModels());
            rows.add(UsageColumns.append(TableRow.builder().text(s.sessionId())
                    .link("/sessions/" + URLEncoder.encode(s.sessionId(), StandardCharsets.UTF_8))
                    .text(v.machine()).cell(s.projectDir(), v.place())
                    .cell(v.first(), v.firstText()).cell(v.last(), v.lastText())
                    .cell(s.duration().toSeconds(), v.durationText())
                    .text(v.models()), s.usage()).build());
        }
        return new ViewTable("sessions", columns, rows, null, List.copyOf(unpriced));
    }

    private static SessionView summary(SessionUsage s, ZoneId zone) {
        UsageSummary u = s.usage();
        return new SessionView(s.sessionId(), s.machineName().isEmpty() ? s.machineId() : s.machineName(),
                s.projectDir(), s.cwd(), s.cwd().isEmpty() ? s.projectDir() : s.cwd(),
                s.firstActivity().toString(), Times.minute(s.firstActivity(), zone), s.lastActivity().toString(),
                Times.minute(s.lastActivity(), zone), ReportFigures.hoursMinutes(s.duration()),
                UsageColumns.models(u.modelsUsed()), u.totalTokens(), ReportFigures.count(u.totalTokens()), u.cost(),
                ReportFigures.money(u.cost()), u.requests(), u.unpricedModels());
    }

    private static boolean descending(String dir) {
        if (dir == null || dir.isEmpty()) {
            return true;
        }
        return switch (dir) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new BadRequestResponse("dir '" + dir + "' is not asc or desc");
        };
    }

    private static int number(Context ctx, String param, int fallback, int max) {
        String value = ctx.queryParam(param);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(param + " '" + value + "' is not a number from 1 to " + max);
        }
    }

    /** The sortable columns, as {@code ?sort=} names them, and the store's order for each. */
    enum Sort {
        MACHINE(SessionOrder.MACHINE), PROJECT(SessionOrder.PROJECT), FIRST(SessionOrder.FIRST_ACTIVITY),
        LAST(SessionOrder.LAST_ACTIVITY), DURATION(SessionOrder.DURATION), TOKENS(SessionOrder.TOKENS),
        COST(SessionOrder.COST);

        final SessionOrder order;

        Sort(SessionOrder order) {
            this.order = order;
        }

        /** The column {@code ?sort=} names; latest activity when absent (what a user opening the table wants). */
        static Sort of(String name) {
            if (name == null || name.isEmpty()) {
                return LAST;
            }
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequestResponse("sort '" + name
                        + "' is not one of machine, project, first, last, duration, tokens, cost");
            }
        }
    }

    /** The Sessions document. */
    record Sessions(long total, int page, int size, String sort, String dir, ViewTable table) {
    }

    /** One session's page. */
    record Session(SessionView session, List<Point> requests, ViewTable table) {
    }

    /** A session's figures for its page. */
    record SessionView(String sessionId, String machine, String projectDir, String cwd, String place, String first,
            String firstText, String last, String lastText, String durationText, String models, long tokens,
            String tokensText, double cost, String costText, long requests, List<String> unpricedModels) {
    }

    /** One API response on the session's chart. */
    record Point(String time, String model, long tokens, double cost, boolean subagent) {
    }
}
