package dev.cctelemetry.core.alert;

import dev.cctelemetry.core.budget.BudgetStatus;
import dev.cctelemetry.core.limits.LimitPeriod;
import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.core.text.DollarText;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which thresholds are crossed now: 50, 80 and 100 % of a budget in its current period, 80 and 95 % of a plan-limit
 * window in its current period. Every crossed threshold is a candidate; the {@link AlertService} raises each once.
 */
public final class AlertThresholds {

    /** Budget thresholds, in percent. */
    public static final List<Integer> BUDGET = List.of(50, 80, 100);
    /** Plan-limit thresholds, in percent. */
    public static final List<Integer> PLAN_LIMIT = List.of(80, 95);

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private AlertThresholds() {
    }

    /** The crossed thresholds of each budget's current period, lowest first. */
    public static List<Alert> budgets(List<BudgetStatus> statuses, Instant now) {
        List<Alert> out = new ArrayList<>();
        for (BudgetStatus s : statuses) {
            String subject = "budget|" + s.budget().targetKey() + "|" + s.periodStart();
            for (int t : BUDGET) {
                if (reached(s.spentPicos(), s.budget().amountPicos(), t)) {
                    String title = t >= 100 ? "Budget exceeded" : "Budget " + t + " % used";
                    String message = DollarText.ofPicos(s.spentPicos()) + " spent of " + s.budget().describe()
                            + " in the " + s.budget().period().noun() + " starting " + s.periodStart() + ".";
                    out.add(new Alert(subject + "|" + t, subject, t, title, message, now));
                }
            }
        }
        return out;
    }

    /** The crossed thresholds of each window's current period (periods already over are ignored), lowest first. */
    public static List<Alert> planLimits(List<LimitPeriod> periods, Instant now, ZoneId zone) {
        List<Alert> out = new ArrayList<>();
        for (LimitPeriod p : periods) {
            if (!p.isCurrentAt(now)) {
                continue;
            }
            PlanLimitReading latest = p.latest();
            String subject = "limit|" + p.window().key() + "|" + p.resetsAt().getEpochSecond();
            for (int t : PLAN_LIMIT) {
                if (latest.usedPercentage() >= t) {
                    String title = "Plan limit " + p.window().label() + " at " + t + " %";
                    String message = "The " + p.window().label() + " plan-limit window is "
                            + trimmed(latest.usedPercentage()) + " % used; it resets " + LOCAL.format(latest.resetsAt().atZone(zone))
                            + ".";
                    out.add(new Alert(subject + "|" + t, subject, t, title, message, now));
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code spent} is at least {@code percent} % of {@code amount}, exactly. In 128 bits: a hundred times a
     * budget of $92,234 or more is past a long's range in picodollars, and the product used to wrap negative, so such
     * a budget was "exceeded" with nothing spent.
     */
    private static boolean reached(long spentPicos, long amountPicos, int percent) {
        return BigInteger.valueOf(spentPicos).multiply(BigInteger.valueOf(100))
                .compareTo(BigInteger.valueOf(amountPicos).multiply(BigInteger.valueOf(percent))) >= 0;
    }

    private static String trimmed(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }
}
