package dev.cctelemetry.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls a running dashboard's API with its launch cookie, as the page does. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final DashboardFixture dashboard;

    public ApiClient(DashboardFixture dashboard) {
        this.dashboard = dashboard;
    }

    /** GET path (with query) and return the response. */
    public HttpResponse<String> get(String pathAndQuery) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(dashboard.base() + pathAndQuery))
                .header("Cookie", "cct_dashboard_" + dashboard.port() + "=" + dashboard.token()).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    /** GET path and parse the JSON answer; fails on a status other than 200. */
    public JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        if (r.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Parses JSON text. */
    public static JsonNode parse(String text) throws Exception {
        return JSON.readTree(text);
    }
}
