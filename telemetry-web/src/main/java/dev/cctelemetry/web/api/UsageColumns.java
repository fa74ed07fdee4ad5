package dev.cctelemetry.web.api;

import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.report.ReportFigures;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The number columns every usage table ends with, the CLI's ({@code Input, Output, Cache Create, Cache Read,
 * Total Tokens, Cost (USD)}), with the CLI's formatting, so a row reads the same on the page as in
 * {@code report}.
 */
final class UsageColumns {

    static final List<TableColumn> COLUMNS = List.of(TableColumn.number("Input"), TableColumn.number("Output"),
            TableColumn.number("Cache Create"), TableColumn.number("Cache Read"),
            TableColumn.number("Total Tokens"), TableColumn.number("Cost (USD)"));

    private UsageColumns() {
    }

    /** Appends the six number cells of {@code u} to {@code row}. */
    static TableRow.Builder append(TableRow.Builder row, UsageSummary u) {
        return row.cell(u.tokens().input(), ReportFigures.count(u.tokens().input()))
                .cell(u.tokens().output(), ReportFigures.count(u.tokens().output()))
                .cell(u.tokens().cacheWrite(), ReportFigures.count(u.tokens().cacheWrite()))
                .cell(u.tokens().cacheRead(), ReportFigures.count(u.tokens().cacheRead()))
                .cell(u.tokens().total(), ReportFigures.count(u.tokens().total()))
                .cell(u.cost(), ReportFigures.money(u.cost()));
    }

    /** Models as the CLI's Models column shows them: short names, comma-separated. */
    static String models(List<String> models) {
        return models.stream().map(ReportFigures::shortModel).collect(Collectors.joining(", "));
    }
}
