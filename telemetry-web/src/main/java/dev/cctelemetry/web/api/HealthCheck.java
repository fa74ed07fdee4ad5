package dev.cctelemetry.web.api;

import java.util.Objects;

/**
 * One of {@code doctor}'s checks as the Health view shows it.
 *
 * @param status {@code ok}, {@code warn} or {@code fail}
 * @param name what was checked
 * @param detail what was found
 * @param fix the command that fixes a problem, or ""
 */
public record HealthCheck(String status, String name, String detail, String fix) {

    public HealthCheck {
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(detail, "detail is null");
        Objects.requireNonNull(fix, "fix is null");
    }
}
