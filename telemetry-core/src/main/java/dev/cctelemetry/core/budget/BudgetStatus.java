package dev.cctelemetry.core.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a budget stands in its current period.
 *
 * @param budget the budget
 * @param periodStart the first local date of the current period
 * @param from the period's first instant
 * @param until the instant the next period begins
 * @param spentPicos what the period cost so far, in picodollars
 */
public record BudgetStatus(Budget budget, LocalDate periodStart, Instant from, Instant until, long spentPicos) {

    public BudgetStatus {
        Objects.requireNonNull(budget, "budget is null");
        Objects.requireNonNull(periodStart, "periodStart is null");
        Objects.requireNonNull(from, "from is null");
        Objects.requireNonNull(until, "until is null");
    }

    /** Spent over budget, in percent (0 and up; 100 means the budget is used up). */
    public double percentUsed() {
        return spentPicos * 100.0 / budget.amountPicos();
    }

    /** Whether the period's spend reached the budget. */
    public boolean exceeded() {
        return spentPicos >= budget.amountPicos();
    }
}
