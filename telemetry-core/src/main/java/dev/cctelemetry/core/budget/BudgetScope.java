package dev.cctelemetry.core.budget;

import java.util.Objects;
import java.util.Optional;

/**
 * Whose spending a budget counts: this machine (read from the local ledger, so it works offline), one named machine
 * or every machine (both read from the shared store).
 *
 * @param kind which of the three
 * @param machine the machine's name or id, for {@link Kind#MACHINE} only
 */
public record BudgetScope(Kind kind, Optional<String> machine) {

    /** This machine. */
    public static final BudgetScope THIS_MACHINE = new BudgetScope(Kind.THIS_MACHINE, Optional.empty());
    /** Every machine of the shared store. */
    public static final BudgetScope ALL_MACHINES = new BudgetScope(Kind.ALL_MACHINES, Optional.empty());

    /** The three scopes. */
    public enum Kind {
        /** The local ledger. */
        THIS_MACHINE,
        /** One machine of the shared store. */
        MACHINE,
        /** Every machine of the shared store. */
        ALL_MACHINES
    }

    public BudgetScope {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(machine, "machine is null");
        if ((kind == Kind.MACHINE) != machine.isPresent()) {
            throw new IllegalArgumentException("a machine is named for the MACHINE scope, and only for it");
        }
        if (machine.isPresent() && machine.get().isBlank()) {
            throw new IllegalArgumentException("machine name is blank");
        }
    }

    /** One machine of the shared store, by name or id. */
    public static BudgetScope machine(String nameOrId) {
        return new BudgetScope(Kind.MACHINE, Optional.of(nameOrId));
    }

    /** Whether the spend is read from the shared store. */
    public boolean remote() {
        return kind != Kind.THIS_MACHINE;
    }

    /** {@code this machine}, {@code machine laptop}, {@code all machines}. */
    public String describe() {
        return switch (kind) {
            case THIS_MACHINE -> "this machine";
            case MACHINE -> "machine " + machine.get();
            case ALL_MACHINES -> "all machines";
        };
    }
}
