package dev.cctelemetry.web.api;

import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * Answers a view's request as JSON (the page) or, with {@code ?format=csv}, as the view's table in a CSV file
 * download. API answers are never cached: they hold spending that changes with every sync.
 */
final class ApiResponses {

    private ApiResponses() {
    }

    /**
     * Sends {@code body} as JSON, or {@code table} as CSV when asked.
     *
     * @param body the view's JSON document
     * @param table the view's table (taken from {@code body}; only built into CSV when asked)
     */
    static void send(Context ctx, Object body, Supplier<ViewTable> table) {
        ctx.header("Cache-Control", "no-store");
        if ("csv".equals(ctx.queryParam("format"))) {
            ViewTable t = table.get();
            ctx.header("Content-Disposition", "attachment; filename=\"cc-telemetry-" + t.name() + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(CsvTable.render(t));
        } else {
            ctx.json(body);
        }
    }
}
