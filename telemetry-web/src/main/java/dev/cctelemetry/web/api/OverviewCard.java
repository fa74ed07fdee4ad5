package dev.cctelemetry.web.api;


/**
 * A card another feature adds to the Overview (plan limits, budgets). The page draws a card whose {@code id}
 * it knows with that card's component and any other as a titled list of its fields.
 */
@FunctionalInterface
public interface OverviewCard {

    /**
     * The card's JSON document for the current filter: a record or map with at least an {@code id} field (a
     * {@link ListCard} is drawn as a list), or null when the feature has nothing to show (no card then).
     */
    Object render(ViewFilter filter);
}
