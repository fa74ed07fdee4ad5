package dev.cctelemetry.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * How a hermetic Claude Code run authenticates to {@link FakeMessagesApi}. Either way the value is fake and never
 * leaves the loopback interface.
 */
public enum ClaudeAuth {

    /**
     * {@code ANTHROPIC_API_KEY=test} (sent as {@code x-api-key}). Claude Code treats the session as API billing:
     * the statusLine payload never has {@code rate_limits}, whatever headers the API sends.
     */
    API_KEY,

    /**
     * {@code ANTHROPIC_AUTH_TOKEN} = {@link #GATEWAY_JWT} (sent as {@code Authorization: Bearer …}). Claude Code
     * 2.1.328 decodes the token's payload without checking its signature and, because its {@code aud} is
     * {@code claude-gateway}, treats the session as one behind a Claude gateway: it reads the plan-limit headers and
     * passes {@code rate_limits} (five_hour, seven_day) to the statusLine (see {@link PlanLimitWindow}).
     */
    GATEWAY_TOKEN;

    /**
     * An unsigned JWT: header {@code {"alg":"none","typ":"JWT"}}, payload
     * {@code {"aud":"claude-gateway","sub":"cc-telemetry-test"}}, signature "unsigned". No {@code exp}: nothing for
     * Claude Code to expire (the bundle reads {@code exp} to time a refresh).
     */
    public static final String GATEWAY_JWT = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
            + base64Url("{\"aud\":\"claude-gateway\",\"sub\":\"cc-telemetry-test\"}") + ".unsigned";

    /** The fake API key {@link #API_KEY} sets. */
    public static final String API_KEY_VALUE = "test";

    /** Puts this credential into a child environment. */
    void applyTo(Map<String, String> env) {
        switch (this) {
            case API_KEY -> env.put("ANTHROPIC_API_KEY", API_KEY_VALUE);
            case GATEWAY_TOKEN -> env.put("ANTHROPIC_AUTH_TOKEN", GATEWAY_JWT);
            default -> throw new IllegalStateException("unknown auth " + this);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
