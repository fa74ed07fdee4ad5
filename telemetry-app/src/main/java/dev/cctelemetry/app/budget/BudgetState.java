package dev.cctelemetry.app.budget;

import dev.cctelemetry.core.budget.Budget;
import dev.cctelemetry.core.budget.BudgetStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * A budget and where it stands now, or why that is not known (the shared store it reads is not configured or not
 * reachable).
 *
 * @param budget the budget
 * @param status its current period's spend, when it could be read
 * @param problem one line saying why it could not
 */
public record BudgetState(Budget budget, Optional<BudgetStatus> status, Optional<String> problem) {

    public BudgetState {
        Objects.requireNonNull(budget, "budget is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(problem, "problem is null");
    }

    /** Whether the budget is known to be used up. */
    public boolean exceeded() {
        return status.map(BudgetStatus::exceeded).orElse(false);
    }
}
