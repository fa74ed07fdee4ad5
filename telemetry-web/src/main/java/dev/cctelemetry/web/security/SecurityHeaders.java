package dev.cctelemetry.web.security;

import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Headers every response carries, error pages included: a strict Content-Security-Policy (scripts and styles
 * only from this server's own files, no inline script, {@code connect-src 'self'}, no frames), no MIME sniffing,
 * and no referrer (the first URL holds the token). Installed as a
 * Jetty customizer, so it runs for every request before any handler, whether it is refused, not found or served;
 * requests Jetty rejects before that (a malformed or ambiguous URI) get them from {@link ErrorPages}.
 * No CORS header is ever sent, so other origins cannot read any response.
 */
public final class SecurityHeaders implements HttpConfiguration.Customizer {

    /** The policy: everything from 'self' only, nothing inline, no plugins, no framing, no base or form tricks. */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Resource-Policy", "same-origin");

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        HEADERS.forEach(responseHeaders::put);
        return request;
    }

    /**
     * Jetty's own error pages (for requests it refuses before any handler runs: a malformed or ambiguous URI)
     * with the same headers, and without stack traces.
     */
    public static final class ErrorPages extends ErrorHandler {

        /** Error pages that show no stack trace. */
        public ErrorPages() {
            setShowStacks(false);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            HEADERS.forEach(response.getHeaders()::put);
            return super.handle(request, response, callback);
        }
    }
}
