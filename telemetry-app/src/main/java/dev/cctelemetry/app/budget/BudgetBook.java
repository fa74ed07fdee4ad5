package dev.cctelemetry.app.budget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.core.budget.Budget;
import dev.cctelemetry.core.budget.BudgetPeriod;
import dev.cctelemetry.core.budget.BudgetScope;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The budgets in {@code config.json}, under {@code "budgets"}: a list of {@code {"period": "daily", "amount_usd":
 * "50.00", "project": "-home-me-x", "scope": "this" | "all" | "machine", "machine": "laptop", "week_start":
 * "sunday"}} (project, machine and week start only where they apply). Written through the config store: atomic,
 * 0600, other keys kept.
 */
public final class BudgetBook {

    /** The config key. */
    public static final String KEY = "budgets";

    private final Configs configs;

    @Inject
    BudgetBook(Configs configs) {
        this.configs = configs;
    }

    /**
     * The budgets, in the order they were set.
     *
     * @throws AppException when the config cannot be read or holds a budget this version cannot read
     */
    public List<Budget> list() {
        JsonNode node = configs.member(KEY);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw AppException.failure("config.json: \"budgets\" must be a list", null);
        }
        List<Budget> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            try {
                out.add(read(node.get(i)));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw AppException.failure("config.json: budget " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Sets {@code budget}, replacing the one with the same target; returns the budgets now kept. */
    public List<Budget> set(Budget budget) {
        List<Budget> kept = new ArrayList<>(list());
        kept.removeIf(budget::sameTarget);
        kept.add(budget);
        save(kept);
        return kept;
    }

    /** Removes the budgets {@code which} selects; returns those removed. */
    public List<Budget> clear(Predicate<Budget> which) {
        List<Budget> all = list();
        List<Budget> removed = all.stream().filter(which).toList();
        if (!removed.isEmpty()) {
            save(all.stream().filter(which.negate()).toList());
        }
        return removed;
    }

    private void save(List<Budget> budgets) {
        configs.edit(root -> {
            ArrayNode list = root.putArray(KEY);
            budgets.forEach(b -> write(list.addObject(), b));
        });
    }

    private static void write(ObjectNode o, Budget b) {
        o.put("period", b.period().key());
        o.put("amount_usd", b.amountUsd().setScale(2).toPlainString());
        b.project().ifPresent(p -> o.put("project", p));
        o.put("scope", switch (b.scope().kind()) {
            case THIS_MACHINE -> "this";
            case ALL_MACHINES -> "all";
            case MACHINE -> "machine";
        });
        b.scope().machine().ifPresent(m -> o.put("machine", m));
        if (b.period() == BudgetPeriod.WEEKLY) {
            o.put("week_start", b.weekStart().name().toLowerCase(Locale.ROOT));
        }
    }

    private static Budget read(JsonNode o) {
        BudgetPeriod period = BudgetPeriod.fromKey(o.path("period").asText(""))
                .orElseThrow(() -> new IllegalArgumentException("unknown period '" + o.path("period").asText("")
                        + "' (daily, weekly or monthly)"));
        BigDecimal amount = new BigDecimal(o.path("amount_usd").asText("0"));
        Optional<String> project = text(o, "project");
        BudgetScope scope = switch (o.path("scope").asText("this")) {
            case "this" -> BudgetScope.THIS_MACHINE;
            case "all" -> BudgetScope.ALL_MACHINES;
            case "machine" -> BudgetScope.machine(text(o, "machine")
                    .orElseThrow(() -> new IllegalArgumentException("scope 'machine' names no machine")));
            default -> throw new IllegalArgumentException("unknown scope '" + o.path("scope").asText() + "'");
        };
        DayOfWeek weekStart = DayOfWeek.valueOf(o.path("week_start").asText("sunday").toUpperCase(Locale.ROOT));
        return new Budget(period, amount, project, scope, weekStart);
    }

    private static Optional<String> text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }
}
