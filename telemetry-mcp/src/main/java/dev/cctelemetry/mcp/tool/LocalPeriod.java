package dev.cctelemetry.mcp.tool;

import dev.cctelemetry.core.query.UsageFilter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Local dates a question covers, both ends included (either open), in the user's zone.
 *
 * @param label how a reader calls it ("this week", "the last 7 days", "2026-11-01 to 2026-11-30")
 * @param since first date, if bounded
 * @param until last date, if bounded
 * @param zone the zone whose calendar the dates are in
 */
public record LocalPeriod(String label, Optional<LocalDate> since, Optional<LocalDate> until, ZoneId zone) {

    public LocalPeriod {
        Objects.requireNonNull(label, "label is null");
        Objects.requireNonNull(since, "since is null");
        Objects.requireNonNull(until, "until is null");
        Objects.requireNonNull(zone, "zone is null");
        if (since.isPresent() && until.isPresent() && since.get().isAfter(until.get())) {
            throw new ToolInputException("since " + since.get() + " is after until " + until.get());
        }
    }

    /** From {@code from} to {@code to}, both included. */
    public static LocalPeriod of(String label, LocalDate from, LocalDate to, ZoneId zone) {
        return new LocalPeriod(label, Optional.of(from), Optional.of(to), zone);
    }

    /** The requests on these dates. */
    public UsageFilter filter() {
        return UsageFilter.onDates(since, until, zone);
    }

    /** Days covered, when both ends are bounded. */
    public Optional<Long> days() {
        return since.isPresent() && until.isPresent()
                ? Optional.of(ChronoUnit.DAYS.between(since.get(), until.get()) + 1) : Optional.empty();
    }

    /** The label with its dates: {@code this week (2026-12-06 to 2026-12-12)}. */
    public String describe() {
        String dates = since.map(LocalDate::toString).orElse("the beginning") + " to "
                + until.map(LocalDate::toString).orElse("now");
        return label.equals(dates) ? dates : label + " (" + dates + ")";
    }

    /** {@code {"label":..., "since":..., "until":..., "timezone":...}} (absent ends left out). */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        since.ifPresent(d -> m.put("since", d.toString()));
        until.ifPresent(d -> m.put("until", d.toString()));
        m.put("timezone", zone.getId());
        return m;
    }
}
