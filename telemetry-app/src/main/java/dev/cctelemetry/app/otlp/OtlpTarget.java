package dev.cctelemetry.app.otlp;

import dev.cctelemetry.app.AppException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where {@code export --otlp} sends, and how.
 *
 * @param endpoint the OTLP/HTTP metrics URL ({@code .../v1/metrics})
 * @param headers extra request headers (an ingest key, a tenant), never printed
 * @param timeout how long one request may take
 */
public record OtlpTarget(URI endpoint, Map<String, String> headers, Duration timeout) {

    /** The path of OTLP/HTTP's metrics signal, added to a URL given without a path (as OTEL_EXPORTER_OTLP_ENDPOINT). */
    static final String METRICS_PATH = "/v1/metrics";

    public OtlpTarget {
        Objects.requireNonNull(endpoint, "endpoint is null");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(timeout, "timeout is null");
    }

    /**
     * A target from the command line.
     *
     * @param url an http(s) URL; a collector's base URL ({@code http://host:4318}) gets {@code /v1/metrics}
     * @param headers {@code NAME=VALUE} each
     * @throws AppException (usage) for a URL or header that cannot be used
     */
    public static OtlpTarget parse(String url, List<String> headers, Duration timeout) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw AppException.usage("--otlp " + url + ": not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw AppException.usage("--otlp " + url + ": give an http:// or https:// URL, e.g."
                    + " http://localhost:4318/v1/metrics");
        }
        if (uri.getUserInfo() != null) {
            throw AppException.usage("--otlp: put credentials in --otlp-header, not in the URL");
        }
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")) {
            uri = uri.resolve(METRICS_PATH);
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String h : headers) {
            int eq = h.indexOf('=');
            if (eq <= 0 || h.substring(0, eq).isBlank()) {
                throw AppException.usage("--otlp-header: give NAME=VALUE (got a header without a name)");
            }
            parsed.put(h.substring(0, eq).strip(), h.substring(eq + 1).strip());
        }
        return new OtlpTarget(uri, parsed, timeout);
    }

    /** The endpoint without its query string (which may carry a key): what marks and messages name. */
    public String describe() {
        return endpoint.getScheme() + "://" + endpoint.getRawAuthority() + endpoint.getRawPath();
    }
}
