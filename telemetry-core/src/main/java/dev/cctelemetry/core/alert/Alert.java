package dev.cctelemetry.core.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * One threshold crossed in one period.
 *
 * @param key names the subject, period and threshold; a key is raised once ever ({@code budget|daily|*|this|
 *     2026-12-07|80}, {@code limit|seven_day|1796925855|95})
 * @param subject names the subject and period without the threshold: alerts of one subject are raised together,
 *     and only the highest threshold newly crossed is delivered
 * @param threshold the percentage crossed
 * @param title one short line ({@code Budget 80 % used})
 * @param message one or two sentences with the figures
 * @param raisedAt when it was noticed
 */
public record Alert(String key, String subject, int threshold, String title, String message, Instant raisedAt) {

    public Alert {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(subject, "subject is null");
        Objects.requireNonNull(title, "title is null");
        Objects.requireNonNull(message, "message is null");
        Objects.requireNonNull(raisedAt, "raisedAt is null");
    }
}
