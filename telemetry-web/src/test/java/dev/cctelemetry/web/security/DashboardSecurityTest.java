package dev.cctelemetry.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.web.testing.DashboardFixture;
import dev.cctelemetry.web.testing.RawHttp;
import dev.cctelemetry.web.testing.RawHttp.Response;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security model, against the real server: token, cookie, Host check, CSP, static files, no CORS. */
class DashboardSecurityTest {

    @TempDir
    static Path tmp;

    static DashboardFixture dashboard;
    static String host;
    static String cookie;

    @BeforeAll
    static void start() throws Exception {
        dashboard = DashboardFixture.empty(tmp);
        host = "127.0.0.1:" + dashboard.port();
        cookie = "Cookie: cct_dashboard_" + dashboard.port() + "=" + dashboard.token();
    }

    @AfterAll
    static void stop() throws Exception {
        dashboard.close();
    }

    private static Response get(String target, String... headers) throws Exception {
        return RawHttp.get(dashboard.port(), target, host, headers);
    }

    @Test
    void requestsWithoutTheTokenAreRefusedEverywhere() throws Exception {
        for (String path : List.of("/", "/overview", "/api/meta", "/api/overview", "/api/events",
                "/assets/app.js", "/webjars/echarts/5.3.1/dist/echarts.esm.min.js", "/no-such-page")) {
            Response r = get(path);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.body()).as(path).doesNotContain("cc-telemetry dashboard</title>").doesNotContain("echarts");
        }
    }

    @Test
    void aWrongTokenOrCookieIsRefused() throws Exception {
        assertThat(get("/?token=" + "x".repeat(43)).status()).isEqualTo(403);
        assertThat(get("/api/meta", "Cookie: cct_dashboard_" + dashboard.port() + "=" + "y".repeat(43)).status())
                .isEqualTo(403);
        // The cookie of another dashboard's port is not this one's.
        assertThat(get("/api/meta", "Cookie: cct_dashboard_1=" + dashboard.token()).status()).isEqualTo(403);
    }

    @Test
    void theTokenInTheUrlBecomesAStrictHttpOnlyCookieAndLeavesTheAddressBar() throws Exception {
        Response r = get("/usage?range=7d&token=" + dashboard.token() + "&model=x");
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("/usage?range=7d&model=x");
        String setCookie = r.header("Set-Cookie");
        assertThat(setCookie).startsWith("cct_dashboard_" + dashboard.port() + "=" + dashboard.token())
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
        Response page = get("/usage?range=7d", cookie);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>cc-telemetry dashboard</title>");
    }

    @Test
    void aForeignHostHeaderIsRefusedEvenWithTheToken() throws Exception {
        for (String foreign : List.of("evil.example:" + dashboard.port(), "evil.example", "127.0.0.1",
                "127.0.0.1:1", "localhost.evil.example:" + dashboard.port(), "")) {
            Response r = RawHttp.get(dashboard.port(), "/api/meta", foreign, cookie);
            assertThat(r.status()).as(foreign).isIn(400, 403);
        }
        for (String local : List.of("localhost:" + dashboard.port(), "127.0.0.1:" + dashboard.port(),
                "[::1]:" + dashboard.port())) {
            assertThat(RawHttp.get(dashboard.port(), "/api/meta", local, cookie).status()).as(local).isEqualTo(200);
        }
    }

    @Test
    void everyResponseCarriesTheContentSecurityPolicyAndNoCorsHeader() throws Exception {
        List<Response> responses = List.of(get("/"), get("/?token=bad"), get("/api/meta", cookie),
                get("/api/overview?range=bogus", cookie), get("/nothing-here", cookie),
                get("/assets/app.css", cookie), get("/assets/../../etc/passwd", cookie),
                RawHttp.get(dashboard.port(), "/", "evil.example", cookie),
                get("/api/meta", cookie, "Origin: http://evil.example"));
        for (Response r : responses) {
            assertThat(r.header("Content-Security-Policy")).as(r.status() + " " + r.body()).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.headers()).doesNotContainKeys("access-control-allow-origin",
                    "access-control-allow-credentials");
        }
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("script-src 'self'")
                .contains("connect-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    @Test
    void staticFilesNeverEscapeTheirFolder() throws Exception {
        assertThat(get("/assets/app.css", cookie).status()).isEqualTo(200);
        for (String path : List.of("/assets/../../../../etc/passwd", "/assets/%2e%2e/%2e%2e/etc/passwd",
                "/assets/..%2f..%2fDashboardServer.class", "/assets/%2e%2e%2fsecurity%2fLaunchToken.class",
                "/assets/..\\..\\web\\DashboardServer.class", "/assets/%252e%252e/DashboardServer.class",
                "/assets/../DashboardServer.class", "/webjars/../dev/cctelemetry/web/DashboardServer.class",
                "/assets//etc/passwd", "/assets/%00index.html", "/dev/cctelemetry/web/DashboardServer.class",
                "/assets/../../../../../../../../proc/self/environ")) {
            Response r = get(path, cookie);
            assertThat(r.status()).as(path).isIn(400, 403, 404);
            assertThat(r.body()).as(path).doesNotContain("root:").doesNotContain("CAFEBABE")
                    .doesNotContain("PATH=").doesNotContain("\u00ca\u00fe\u00ba\u00be");
        }
    }

    @Test
    void nothingCanBeChanged() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            try (var s = new java.net.Socket("127.0.0.1", dashboard.port())) {
                s.getOutputStream().write((method + " /api/meta HTTP/1.1\r\nHost: " + host + "\r\n" + cookie
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes());
                String status = new String(s.getInputStream().readAllBytes()).split("\r\n")[0];
                assertThat(status).as(method).matches("HTTP/1.1 (404|405).*");
            }
        }
    }

    @Test
    void aServerBoundBeyondLoopbackStillRequiresTheToken(@TempDir Path other) throws Exception {
        try (DashboardFixture wide = DashboardFixture.boundTo(other, InetAddress.getByName("0.0.0.0"))) {
            Response without = RawHttp.get(wide.port(), "/api/meta", "dashboard.team.example:" + wide.port());
            assertThat(without.status()).isEqualTo(403);
            Response with = RawHttp.get(wide.port(), "/api/meta", "dashboard.team.example:" + wide.port(),
                    "Cookie: cct_dashboard_" + wide.port() + "=" + wide.token());
            assertThat(with.status()).isEqualTo(200);
        }
    }
}
