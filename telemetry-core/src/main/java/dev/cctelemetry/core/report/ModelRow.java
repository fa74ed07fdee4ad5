package dev.cctelemetry.core.report;

import dev.cctelemetry.core.query.UsageSummary;
import java.util.Objects;

/**
 * Usage of one model label.
 *
 * @param model the model id, or {@code <model>-fast} for fast-mode responses, or {@code <synthetic>}
 * @param usage the model's usage
 */
public record ModelRow(String model, UsageSummary usage) implements ReportRow {

    public ModelRow {
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(usage, "usage is null");
    }

    @Override
    public String label() {
        return model;
    }
}
