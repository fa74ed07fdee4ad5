package dev.cctelemetry.mcp.tool;

/** Where {@code cost_forecast} projects to: the end of this week or of this month. */
public enum ForecastHorizon {
    END_OF_WEEK(PeriodName.THIS_WEEK), END_OF_MONTH(PeriodName.THIS_MONTH);

    private final PeriodName period;

    ForecastHorizon(PeriodName period) {
        this.period = period;
    }

    /** The calendar period that ends at the horizon. */
    PeriodName period() {
        return period;
    }
}
