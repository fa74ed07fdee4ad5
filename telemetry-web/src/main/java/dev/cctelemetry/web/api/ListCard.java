package dev.cctelemetry.web.api;

import java.util.List;
import java.util.Objects;

/**
 * An Overview card of labelled lines, drawn by the page's list component: what a feature without a card of its
 * own shows (budgets and their spend, plan-limit windows).
 *
 * @param id the card's id (also its element's label when the page has no component for it)
 * @param title the heading
 * @param items its lines, in order
 */
public record ListCard(String id, String title, List<Item> items) {

    public ListCard {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(title, "title is null");
        items = List.copyOf(items);
    }

    /**
     * One line.
     *
     * @param label what it is about, e.g. {@code $50.00 per day (this machine)}
     * @param value what stands, e.g. {@code $8.40 spent (16.8 %)}
     * @param alert whether it needs attention (a budget exceeded, a window full), shown as a warning
     */
    public record Item(String label, String value, boolean alert) {

        public Item {
            Objects.requireNonNull(label, "label is null");
            Objects.requireNonNull(value, "value is null");
        }
    }
}
