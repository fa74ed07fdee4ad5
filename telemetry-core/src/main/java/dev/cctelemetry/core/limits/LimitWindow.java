package dev.cctelemetry.core.limits;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One plan-limit window by its key under the payload's {@code rate_limits}: {@code five_hour}, {@code seven_day},
 * or any other key a later Claude Code sends ({@code seven_day_opus}, {@code spend_limit}…). Keys come from a
 * payload anyone can write, so only short identifiers are accepted ({@link #isValidKey}).
 *
 * @param key the payload key, 1 to 64 of {@code [A-Za-z0-9_]}
 */
public record LimitWindow(String key) implements Comparable<LimitWindow> {

    /** The 5-hour session window. */
    public static final LimitWindow FIVE_HOUR = new LimitWindow("five_hour");
    /** The weekly window. */
    public static final LimitWindow SEVEN_DAY = new LimitWindow("seven_day");

    public LimitWindow {
        Objects.requireNonNull(key, "key is null");
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("not a plan-limit window key: " + key);
        }
    }

    /** Whether {@code key} can name a window (what a hostile payload's other keys are filtered by). */
    public static boolean isValidKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 64) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Short label for lines and tables: {@code 5h}, {@code 7d}, {@code 7d opus}, {@code spend limit}. */
    public String label() {
        String rest;
        String head;
        if (key.startsWith("five_hour")) {
            head = "5h";
            rest = key.substring("five_hour".length());
        } else if (key.startsWith("seven_day")) {
            head = "7d";
            rest = key.substring("seven_day".length());
        } else {
            head = "";
            rest = key;
        }
        String tail = rest.replace('_', ' ').trim();
        return head.isEmpty() ? tail : tail.isEmpty() ? head : head + " " + tail;
    }

    /**
     * How long one period of the window lasts, when the key says it: 5 hours for {@code five_hour…}, 7 days for
     * {@code seven_day…}; empty otherwise (a spend limit's period is the gateway's business).
     */
    public Optional<Duration> length() {
        if (key.startsWith("five_hour")) {
            return Optional.of(Duration.ofHours(5));
        }
        if (key.startsWith("seven_day")) {
            return Optional.of(Duration.ofDays(7));
        }
        return Optional.empty();
    }

    /** 5-hour first, then 7-day, then the rest by key. */
    @Override
    public int compareTo(LimitWindow other) {
        int byRank = Integer.compare(rank(), other.rank());
        return byRank != 0 ? byRank : key.compareTo(other.key);
    }

    private int rank() {
        return key.equals(FIVE_HOUR.key) ? 0 : key.equals(SEVEN_DAY.key) ? 1 : key.startsWith("seven_day") ? 2 : 3;
    }

    @Override
    public String toString() {
        return key;
    }
}
