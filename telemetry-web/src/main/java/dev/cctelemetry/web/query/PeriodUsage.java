package dev.cctelemetry.web.query;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One model's usage in one period (a day, an ISO week or a month of the filter's zone).
 *
 * @param start the period's first local date
 * @param model the model id
 * @param usage its usage in that period
 */
public record PeriodUsage(LocalDate start, String model, UsageFigures usage) {

    public PeriodUsage {
        Objects.requireNonNull(start, "start is null");
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(usage, "usage is null");
    }
}
