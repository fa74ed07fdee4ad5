package dev.cctelemetry.core.budget;

import dev.cctelemetry.core.text.DollarText;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.Objects;
import java.util.Optional;

/**
 * A spending budget. Two budgets with the same period, project and scope are the same budget ({@link #sameTarget}):
 * setting it again replaces its amount.
 *
 * @param period how long a period lasts
 * @param amountUsd the most the period should cost, in USD; positive, at most two decimals
 * @param project only this project folder (as {@code report projects} names it), when set
 * @param scope whose spending counts
 * @param weekStart the first day of a week, for {@link BudgetPeriod#WEEKLY} ({@code report weekly}'s
 *     {@code --start-of-week})
 */
public record Budget(BudgetPeriod period, BigDecimal amountUsd, Optional<String> project, BudgetScope scope,
        DayOfWeek weekStart) {

    /**
     * Budgets above this are refused as a typo. It also keeps {@link #amountPicos()} within a {@code long}
     * (Long.MAX_VALUE picodollars is $9,223,372.04): a $10M ceiling let a budget be set that every check then
     * failed to read.
     */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("9000000");

    public Budget {
        Objects.requireNonNull(period, "period is null");
        Objects.requireNonNull(amountUsd, "amountUsd is null");
        Objects.requireNonNull(project, "project is null");
        Objects.requireNonNull(scope, "scope is null");
        Objects.requireNonNull(weekStart, "weekStart is null");
        if (amountUsd.signum() <= 0 || amountUsd.compareTo(MAX_AMOUNT) > 0) {
            throw new IllegalArgumentException("a budget is more than $0 and at most $" + MAX_AMOUNT.toPlainString()
                    + ", got " + amountUsd.toPlainString());
        }
        if (amountUsd.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("a budget has at most two decimals (cents), got "
                    + amountUsd.toPlainString());
        }
        if (project.isPresent() && project.get().isBlank()) {
            throw new IllegalArgumentException("project is blank");
        }
    }

    /** The amount in picodollars, the unit spend is summed in. */
    public long amountPicos() {
        return amountUsd.movePointRight(12).longValueExact();
    }

    /** Whether {@code other} budgets the same thing (period, project, scope; week start for weekly ones). */
    public boolean sameTarget(Budget other) {
        return period == other.period && project.equals(other.project) && scope.equals(other.scope)
                && (period != BudgetPeriod.WEEKLY || weekStart == other.weekStart);
    }

    /**
     * A stable name for this budget's target, used in alert state: {@code daily|all|this} and the like, with the
     * project and machine spelled out.
     */
    public String targetKey() {
        return period.key() + (period == BudgetPeriod.WEEKLY ? "@" + weekStart.getValue() : "") + "|"
                + project.orElse("*") + "|" + switch (scope.kind()) {
                    case THIS_MACHINE -> "this";
                    case ALL_MACHINES -> "all";
                    case MACHINE -> "machine:" + scope.machine().get();
                };
    }

    /** {@code $50.00 per day (this machine)}, {@code $200.00 per week for -home-me-x (all machines)}. */
    public String describe() {
        return DollarText.ofPicos(amountPicos()) + " per " + period.noun()
                + project.map(p -> " for " + p).orElse("") + " (" + scope.describe() + ")";
    }
}
