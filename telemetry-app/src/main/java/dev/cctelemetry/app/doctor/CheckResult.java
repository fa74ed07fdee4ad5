package dev.cctelemetry.app.doctor;

import java.util.Objects;

/**
 * The outcome of one check.
 *
 * @param name what was checked, e.g. "Hooks configured"
 * @param status how it came out
 * @param summary one line: what was found
 * @param fix the command or step that fixes a ! or ✗ ("" for ✓)
 */
public record CheckResult(String name, CheckStatus status, String summary, String fix) {

    public CheckResult {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(summary, "summary is null");
        Objects.requireNonNull(fix, "fix is null");
        if (status != CheckStatus.OK && fix.isBlank()) {
            throw new IllegalArgumentException("a problem needs a fix: " + name + ": " + summary);
        }
    }

    /** A passing check. */
    public static CheckResult ok(String name, String summary) {
        return new CheckResult(name, CheckStatus.OK, summary, "");
    }

    /** A warning with its fix. */
    public static CheckResult warn(String name, String summary, String fix) {
        return new CheckResult(name, CheckStatus.WARN, summary, fix);
    }

    /** A failure with its fix. */
    public static CheckResult fail(String name, String summary, String fix) {
        return new CheckResult(name, CheckStatus.FAIL, summary, fix);
    }
}
