package dev.cctelemetry.web.bench;

import dev.cctelemetry.web.testing.Browser;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times a running dashboard as its page uses it: every API call the views make (p50, p95, max over N rounds,
 * after a warm-up round), then the first full page load of the Overview in headless Chromium with an empty
 * profile (navigation start, the token's redirect included, to the first view drawn: the page's own
 * {@code cct-first-view} mark). Prints one line per figure and a Markdown
 * table; asserts nothing (bench/dashboard-bench.sh runs it and records the machine's load next to it).
 *
 * <p>Usage: {@code DashboardBench URL [rounds] [--api-only]} with the URL the command printed (token included);
 * {@code --api-only} leaves out the page loads (bench/dashboard-remote.sh: the page's own cost is the local
 * bench's figure, the remote one is about the store's queries).
 */
public final class DashboardBench {

    /** The calls the views make, as the page makes them (default range, then explicit ones). */
    static final List<String> CALLS = List.of(
            "/api/meta",
            "/api/overview",
            "/api/overview?range=all",
            "/api/usage?period=day&range=90d",
            "/api/usage?period=week&range=all",
            "/api/usage?period=month&range=all",
            "/api/sessions",
            "/api/sessions?range=all&sort=cost&dir=desc",
            "/api/sessions?range=all&page=20",
            "/api/projects?range=all",
            "/api/models?range=all",
            "/api/machines?range=all",
            "/api/blocks",
            "/api/blocks?range=90d");

    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        URI launch = URI.create(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String base = launch.getScheme() + "://" + launch.getAuthority();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        http.send(HttpRequest.newBuilder(launch).build(), HttpResponse.BodyHandlers.discarding());
        List<String> calls = new ArrayList<>(CALLS);
        String session = firstSession(http, base);
        if (session != null) {
            calls.add("/api/sessions/" + session);
        }
        StringBuilder table = new StringBuilder("| API call | p50 ms | p95 ms | max ms | bytes |\n|---|---:|---:|---:|---:|\n");
        for (String call : calls) {
            long[] nanos = new long[rounds];
            long bytes = 0;
            get(http, base + call);
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = get(http, base + call);
                nanos[i] = System.nanoTime() - t0;
                bytes = r.body().length();
            }
            Arrays.sort(nanos);
            String line = String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | %.1f | %,d |", call, ms(nanos[rounds / 2]),
                    ms(nanos[(int) Math.ceil(rounds * 0.95) - 1]), ms(nanos[rounds - 1]), bytes);
            System.out.println(line);
            table.append(line).append('\n');
        }
        if (List.of(args).contains("--api-only")) {
            System.out.println();
            System.out.println(table);
            return;
        }
        List<Double> loads = new ArrayList<>();
        List<Double> inPage = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // A new browser each time: an empty profile has nothing cached, as on a first visit.
            try (Browser browser = Browser.start(1280, 800)) {
                long t0 = System.nanoTime();
                browser.open(launch.toString());
                // The view is drawn; its charts draw on the next frame.
                browser.js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
                loads.add(ms(System.nanoTime() - t0));
                inPage.add(((Number) browser.js(
                        "return performance.getEntriesByName('cct-first-view')[0].startTime")).doubleValue());
            }
        }
        String line = String.format(Locale.ROOT, "| first full page load (Overview, headless Chromium, empty"
                + " profile, 3 runs): navigation start to first view drawn | %s ms (WebDriver round trip included:"
                + " %s ms) |", rounded(inPage), rounded(loads));
        System.out.println(line);
        table.append('\n').append(line).append('\n');
        System.out.println();
        System.out.println(table);
    }

    private static String firstSession(HttpClient http, String base) throws Exception {
        String body = get(http, base + "/api/sessions?range=all&size=1").body();
        int i = body.indexOf("\"link\":\"/sessions/");
        return i < 0 ? null : body.substring(i + 18, body.indexOf('"', i + 18));
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(d -> String.format(Locale.ROOT, "%.0f", d)).toList();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
