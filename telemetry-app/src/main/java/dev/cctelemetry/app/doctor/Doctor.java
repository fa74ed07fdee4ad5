package dev.cctelemetry.app.doctor;

import dev.cctelemetry.core.error.ErrorLine;

import java.util.ArrayList;
import java.util.List;

/** Runs checks in order; a check that throws becomes a one-line failure instead of stopping the others. */
public final class Doctor {

    private final List<DoctorCheck> checks;

    /** A doctor running {@code checks} in order. */
    public Doctor(List<DoctorCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Runs every check. */
    public DoctorReport examine() {
        List<CheckResult> results = new ArrayList<>();
        for (DoctorCheck c : checks) {
            results.add(runOne(c));
        }
        return new DoctorReport(results);
    }

    private static CheckResult runOne(DoctorCheck c) {
        try {
            return c.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail(c.name(), "interrupted", "run cc-telemetry doctor again");
        } catch (Exception e) {
            return CheckResult.fail(c.name(), "check failed: " + ErrorLine.of(e),
                    "run cc-telemetry doctor --verbose for details");
        }
    }
}
