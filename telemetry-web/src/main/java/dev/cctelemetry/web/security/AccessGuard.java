package dev.cctelemetry.web.security;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Objects;

/**
 * Runs before every request (pages, API, events, static files): refuses a foreign {@code Host} and a request
 * without the launch token with 403. A token in the query string ({@code ?token=}) is exchanged for an HttpOnly,
 * SameSite=Strict cookie and the browser is redirected to the same URL without it, so the token never stays in
 * the address bar, the history or a bookmark. The cookie's name carries the port, because browsers share cookies
 * between ports of one host and two dashboards may run at once. A client that keeps no cookie (a Prometheus scraper
 * of {@code /metrics}) sends the token as {@code Authorization: Bearer TOKEN} instead: a page of another site cannot
 * set that header without a CORS preflight, which is never granted.
 */
public final class AccessGuard implements Handler {

    /** The query parameter that carries the token in the URL the command prints. */
    public static final String TOKEN_PARAM = "token";

    private final LaunchToken token;
    private final AllowedHosts hosts;
    private final String cookieName;

    /**
     * @param token this launch's token
     * @param hosts the Host headers to answer
     * @param port the bound port (names the cookie)
     */
    public AccessGuard(LaunchToken token, AllowedHosts hosts, int port) {
        this.token = Objects.requireNonNull(token, "token is null");
        this.hosts = Objects.requireNonNull(hosts, "hosts is null");
        this.cookieName = "cct_dashboard_" + port;
    }

    @Override
    public void handle(Context ctx) {
        if (!hosts.allows(ctx.header("Host"))) {
            throw new ForbiddenResponse("Forbidden: unknown Host");
        }
        String bearer = BearerToken.of(ctx.header("Authorization"));
        if (bearer != null) {
            if (!token.matches(bearer)) {
                throw new ForbiddenResponse("Forbidden: wrong token");
            }
            return;
        }
        String offered = ctx.queryParam(TOKEN_PARAM);
        if (offered != null) {
            if (!token.matches(offered)) {
                throw new ForbiddenResponse("Forbidden: wrong token");
            }
            Cookie cookie = new Cookie(cookieName, token.value());
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.STRICT);
            cookie.setPath("/");
            ctx.cookie(cookie);
            ctx.redirect(withoutToken(ctx), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (!token.matches(ctx.cookie(cookieName))) {
            throw new ForbiddenResponse("Forbidden: open the URL that 'cc-telemetry dashboard' printed");
        }
    }

    /** The request's path and query without the token parameter. */
    static String withoutToken(Context ctx) {
        String query = ctx.queryString();
        StringBuilder kept = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.equals(TOKEN_PARAM) && !pair.startsWith(TOKEN_PARAM + "=")) {
                    kept.append(kept.length() == 0 ? "?" : "&").append(pair);
                }
            }
        }
        return ctx.path() + kept;
    }
}
