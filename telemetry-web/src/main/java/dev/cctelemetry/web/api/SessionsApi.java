package dev.cctelemetry.web.api;

import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.web.DashboardRoutes;
import dev.cctelemetry.web.query.DashboardQueries;
import dev.cctelemetry.web.query.RequestPoint;
import dev.cctelemetry.web.query.SessionPage;
import dev.cctelemetry.web.query.SessionSort;
import dev.cctelemetry.web.query.SessionSummary;
import dev.cctelemetry.web.query.UsageFigures;
import dev.cctelemetry.web.query.UsageFilter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code GET /api/sessions?sort=COLUMN&dir=asc|desc&page=N&size=N}: one page of the sessions table (machine,
 * project, first and last activity, duration, models, tokens, cost), sorted and paged in the store; and
 * {@code GET /api/sessions/{id}}: one session with its API responses over time (subagents marked).
 */
public final class SessionsApi implements DashboardRoutes {

    /** Rows per page unless the URL asks for another size. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 500;

    private final DashboardQueries queries;
    private final FilterParams params;

    /**
     * @param queries the store
     * @param params reads the filter
     */
    public SessionsApi(DashboardQueries queries, FilterParams params) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.params = Objects.requireNonNull(params, "params is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/sessions", this::sessions);
        routes.get("/api/sessions/{id}", this::session);
    }

    private void sessions(Context ctx) {
        UsageFilter filter = params.parse(ctx);
        SessionSort sort = sort(ctx.queryParam("sort"), ctx.queryParam("dir"));
        int size = number(ctx, "size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        int page = number(ctx, "page", 1, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        SessionPage result = queries.sessions(filter, sort, (page - 1) * size, size);
        ViewTable table = table(result.rows(), filter.zone());
        ApiResponses.send(ctx, new Sessions(result.total(), page, size,
                sort.column().name().toLowerCase(Locale.ROOT), sort.descending() ? "desc" : "asc", table), () -> table);
    }

    private void session(Context ctx) {
        String id = ctx.pathParam("id");
        UsageFilter filter = params.parse(ctx);
        SessionSummary s = queries.session(id).orElseThrow(() -> new NotFoundResponse("no session " + id));
        List<RequestPoint> requests = queries.requests(id);
        ZoneId zone = filter.zone();
        List<TableColumn> columns = new ArrayList<>(List.of(TableColumn.text("Time"), TableColumn.text("Model"),
                TableColumn.text("Agent")));
        columns.addAll(UsageColumns.COLUMNS);
        List<TableRow> rows = new ArrayList<>();
        Sums all = new Sums();
        for (RequestPoint r : requests) {
            var u = new UsageFigures(r.tokens(), r.cost(), 1, List.of());
            all.add(u);
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

    private static ViewTable table(List<SessionSummary> sessions, ZoneId zone) {
        List<TableColumn> columns = new ArrayList<>(List.of(TableColumn.text("Session"), TableColumn.text("Machine"),
                TableColumn.text("Project"), TableColumn.text("First Activity"), TableColumn.text("Last Activity"),
                TableColumn.text("Duration"), TableColumn.text("Models")));
        columns.addAll(UsageColumns.COLUMNS);
        List<TableRow> rows = new ArrayList<>();
        List<String> unpriced = new ArrayList<>();
        for (SessionSummary s : sessions) {
            SessionView v = summary(s, zone);
            s.usage().unpricedModels().stream().filter(m -> !unpriced.contains(m)).forEach(unpriced::add);
            rows.add(UsageColumns.append(TableRow.builder().text(s.sessionId())
                    .link("/sessions/" + URLEncoder.encode(s.sessionId(), StandardCharsets.UTF_8))
                    .text(s.machine()).cell(s.projectDir(), v.place())
                    .cell(s.first().toString(), v.firstText()).cell(s.last().toString(), v.lastText())
                    .cell(Duration.between(s.first(), s.last()).toSeconds(), v.durationText())
                    .text(UsageColumns.models(s.models())), s.usage()).build());
        }
        unpriced.sort(null);
        return new ViewTable("sessions", columns, rows, null, unpriced);
    }

    private static SessionView summary(SessionSummary s, ZoneId zone) {
        return new SessionView(s.sessionId(), s.machine(), s.projectDir(), s.cwd(),
                s.cwd().isEmpty() ? s.projectDir() : s.cwd(), s.first().toString(), Times.minute(s.first(), zone),
                s.last().toString(), Times.minute(s.last(), zone),
                ReportFigures.hoursMinutes(Duration.between(s.first(), s.last())),
                UsageColumns.models(s.models()), s.usage().tokens().total(),
                ReportFigures.count(s.usage().tokens().total()), s.usage().cost(),
                ReportFigures.money(s.usage().cost()), s.usage().requests(), s.usage().unpricedModels());
    }

    private static SessionSort sort(String column, String dir) {
        SessionSort.Column c;
        try {
            c = column == null || column.isEmpty() ? SessionSort.DEFAULT.column()
                    : SessionSort.Column.valueOf(column.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("sort '" + column
                    + "' is not one of machine, project, first, last, duration, tokens, cost");
        }
        if (dir != null && !dir.isEmpty() && !dir.equals("asc") && !dir.equals("desc")) {
            throw new BadRequestResponse("dir '" + dir + "' is not asc or desc");
        }
        return new SessionSort(c, dir == null || dir.isEmpty() ? SessionSort.DEFAULT.descending() : dir.equals("desc"));
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
