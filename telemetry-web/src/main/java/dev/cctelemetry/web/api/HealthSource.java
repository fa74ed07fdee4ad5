package dev.cctelemetry.web.api;

import java.util.List;

/** Runs {@code doctor}'s checks of this machine for the Health view (read-only; may take a second). */
@FunctionalInterface
public interface HealthSource {

    /** The checks, in doctor's order; never null. */
    List<HealthCheck> checks();
}
