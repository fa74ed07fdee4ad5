package dev.cctelemetry.core.report;

import java.time.ZoneOffset;

/** Report options tests use most. */
final class ReportOptionsFixtures {

    private ReportOptionsFixtures() {
    }

    static ReportOptions utc() {
        return ReportOptions.all(ZoneOffset.UTC);
    }
}
