package dev.cctelemetry.testing;

import java.util.Optional;

/**
 * The plan-limit windows Claude Code 2.1.328 reads from {@code anthropic-ratelimit-unified-<code>-…} response headers,
 * and where each one shows up in the statusLine payload's {@code rate_limits}.
 *
 * <p>Read in the 2.1.328 bundle (its header parser iterates
 * {@code [["five_hour","5h"],["seven_day","7d"],["seven_day_overage_included","7d_oi"],["overage","overage"]]}); what
 * reaches the statusLine is checked against the real CLI in {@code ClaudeTmuxSessionTest}:
 * <ul>
 *   <li>per window it reads {@code -utilization} (a fraction, 0.42 = 42 %), {@code -reset} (epoch seconds, rounded),
 *       {@code -surpassed-threshold} and {@code -status} ({@code allowed|allowed_warning|rejected}; not for
 *       overage). In the bundle a window is kept only with both utilization and reset, and only while
 *       {@code now < reset < now + 1 year} by Claude Code's own clock (not tested here: send future resets);</li>
 *   <li>the statusLine payload carries {@code rate_limits.five_hour} and {@code rate_limits.seven_day} as
 *       {@code {"used_percentage": min(round(u*1000)/10, 100), "resets_at": <epoch s>}}; {@code rate_limits} is absent
 *       when neither is known, and always absent for {@code ANTHROPIC_API_KEY} sessions;</li>
 *   <li>{@code rate_limits.spend_limit} ({@code used_percentage} = round(u*1000)/10, not capped, plus
 *       {@code resets_at}, and {@code used_usd}/{@code limit_usd}/{@code period} read from the gateway's
 *       {@code GET /api/oauth/usage}) comes from the overage window, but only when Claude Code's provider is
 *       "gateway", i.e. a {@code claude} gateway login in its credential store; an {@code ANTHROPIC_AUTH_TOKEN}
 *       gateway JWT (what {@link ClaudeAuth#GATEWAY_TOKEN} sets) gets five_hour and seven_day but no spend_limit;</li>
 *   <li>{@code seven_day_overage_included} feeds Claude Code's own warnings, never the statusLine.</li>
 * </ul>
 * Other unified headers in the bundle, not modelled here: {@code -status}, {@code -reset},
 * {@code -representative-claim}, {@code -fallback}, {@code -upgrade-paths}, {@code -overage-status},
 * {@code -overage-disabled-reason}, {@code -overage-in-use}, {@code -overage-scope}, {@code -overage-period},
 * {@code -overage-daily-cap-paused}, {@code -overage-period-monthly-utilization},
 * {@code -overage-period-channel-utilization}, {@code -grace-status}, {@code -grace-5h-utilization},
 * {@code -grace-7d-utilization} and the {@code -slow-…} family; {@link PlanLimitHeaders#withHeader} sends any of them.
 */
public enum PlanLimitWindow {
    /** The 5-hour session window. */
    FIVE_HOUR("5h", Optional.of("five_hour")),
    /** The weekly window. */
    SEVEN_DAY("7d", Optional.of("seven_day")),
    /** The weekly window with usage credits included; never in the statusLine payload. */
    SEVEN_DAY_OVERAGE_INCLUDED("7d_oi", Optional.empty()),
    /** Usage credits (extra usage); {@code spend_limit} in the payload only under a gateway login. */
    OVERAGE("overage", Optional.empty());

    private final String code;
    private final Optional<String> statuslineKey;

    PlanLimitWindow(String code, Optional<String> statuslineKey) {
        this.code = code;
        this.statuslineKey = statuslineKey;
    }

    /** The header infix, e.g. {@code 5h} in {@code anthropic-ratelimit-unified-5h-utilization}. */
    public String code() {
        return code;
    }

    /** The key under the statusLine payload's {@code rate_limits} for a gateway-token session, if any. */
    public Optional<String> statuslineKey() {
        return statuslineKey;
    }

    /** Name of this window's utilization header. */
    public String utilizationHeader() {
        return PlanLimitHeaders.PREFIX + code + "-utilization";
    }

    /** Name of this window's reset header. */
    public String resetHeader() {
        return PlanLimitHeaders.PREFIX + code + "-reset";
    }

    /**
     * The {@code used_percentage} Claude Code 2.1.328 puts in the statusLine payload for a header utilization:
     * {@code min(round(u * 1000) / 10, 100)} (0.173 gives 17.3). Java's {@code Math.round} rounds halves up like
     * JavaScript's, and both compute in IEEE doubles, so the figures match to the bit.
     */
    public static double statuslinePercentage(double utilization) {
        return Math.min(Math.round(utilization * 1000) / 10.0, 100);
    }
}
