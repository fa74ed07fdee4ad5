package dev.cctelemetry.web.api;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the filter every view shares from the query string, which is also the page's URL (so a view can be
 * bookmarked and shared): {@code range} (a {@link DateRange} key) or {@code from}/{@code to} (YYYY-MM-DD),
 * {@code tz} (an IANA zone; the server's zone when absent), and {@code machine}, {@code project}, {@code model}
 * (each may repeat). Bad values are refused with 400 and a one-line message naming the parameter.
 */
public final class FilterParams {

    /** The range a view shows when the URL names none. */
    public static final DateRange DEFAULT_RANGE = DateRange.LAST_30_DAYS;

    private final Clock clock;

    /** @param clock tells today's date (in the filter's zone) for presets */
    public FilterParams(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /** The filter the request names. */
    public ViewFilter parse(Context ctx) {
        ZoneId zone = zone(ctx.queryParam("tz"));
        Optional<LocalDate> from = date("from", ctx.queryParam("from"));
        Optional<LocalDate> to = date("to", ctx.queryParam("to"));
        if (from.isEmpty() && to.isEmpty()) {
            String rangeKey = ctx.queryParam("range");
            DateRange range = rangeKey == null || rangeKey.isEmpty() ? DEFAULT_RANGE
                    : DateRange.ofKey(rangeKey).orElseThrow(() -> new BadRequestResponse(
                            "range '" + rangeKey + "' is not one of today, 7d, 30d, 90d, month, all"));
            LocalDate today = LocalDate.now(clock.withZone(zone));
            from = range.from(today);
            to = range.to(today);
        }
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new BadRequestResponse("from " + from.get() + " is after to " + to.get());
        }
        return new ViewFilter(from, to, zone, values(ctx, "machine"), values(ctx, "project"),
                values(ctx, "model"));
    }

    /** Today's date in the filter's zone. */
    public LocalDate today(ViewFilter filter) {
        return LocalDate.now(clock.withZone(filter.zone()));
    }

    private ZoneId zone(String name) {
        if (name == null || name.isEmpty()) {
            return clock.getZone();
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new BadRequestResponse("tz '" + name + "' is not a time zone (use an IANA name like Europe/Paris)");
        }
    }

    private static Optional<LocalDate> date(String param, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse(param + " '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static Set<String> values(Context ctx, String param) {
        List<String> given = ctx.queryParams(param);
        Set<String> kept = new HashSet<>();
        for (String v : given) {
            if (!v.isEmpty()) {
                kept.add(v);
            }
        }
        return kept;
    }
}
