package dev.cctelemetry.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.core.report.ReportOptions;
import dev.cctelemetry.core.report.RecordStreamQueries;
import dev.cctelemetry.core.report.ReportService;
import dev.cctelemetry.testing.TranscriptBuilder;
import dev.cctelemetry.web.testing.Browser;
import dev.cctelemetry.web.testing.DashboardFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's, through chromedriver): every view over the real corpus
 * and over an empty ledger, figures against the CLI's reports, filters kept in the URL, a live update after a
 * sync, nothing requested beyond the dashboard's own origin, no console error (a CSP violation is one), and the
 * README's screenshots. One browser for the class.
 */
class DashboardBrowserTest {

    static final List<String> VIEWS = List.of("overview", "usage", "sessions", "projects", "models", "machines",
            "blocks", "health");

    @TempDir
    static Path tmp;

    static DashboardFixture corpus;
    static DashboardFixture empty;
    static DashboardFixture live;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(1280, 800);
        corpus = DashboardFixture.corpus(tmp.resolve("corpus"));
        empty = DashboardFixture.empty(tmp.resolve("empty"));
        live = DashboardFixture.empty(tmp.resolve("live"));
        browser.login(corpus.url().toString());
        browser.login(empty.url().toString());
        browser.login(live.url().toString());
        browser.consoleErrors();
        browser.requestedUrls();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (corpus != null) {
            corpus.close();
        }
        for (DashboardFixture f : new DashboardFixture[] {empty, live}) {
            if (f != null) {
                f.close();
            }
        }
    }

    private static String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    /** The first row of the visible table whose first cell is {@code first}: its cells' text. */
    private static List<String> row(String first) {
        for (WebElement tr : browser.driver.findElements(By.cssSelector("#view table tr"))) {
            List<WebElement> cells = tr.findElements(By.cssSelector("th, td"));
            if (!cells.isEmpty() && cells.get(0).getText().equals(first)) {
                return cells.stream().map(WebElement::getText).toList();
            }
        }
        throw new AssertionError("no row " + first + " in " + text("#view"));
    }

    @Test
    void everyViewRendersWithDataWithoutAConsoleErrorOrAForeignRequest() throws Exception {
        for (String view : VIEWS) {
            browser.open(corpus.base() + "/" + view + "?range=all&tz=UTC");
            assertThat(text("#view-title")).as(view).isNotEmpty();
            assertThat(browser.driver.findElements(By.cssSelector("#view table, #view .card"))).as(view).isNotEmpty();
            assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).as(view).isFalse();
            assertThat(browser.consoleErrors()).as(view).isEmpty();
        }
        browser.open(corpus.base() + "/sessions?range=all&tz=UTC");
        browser.driver.findElement(By.cssSelector("#view tbody a")).click();
        browser.waitReady();
        assertThat(browser.driver.getCurrentUrl()).contains("/sessions/");
        assertThat(text("#view-title")).startsWith("Session ");
        assertThat(browser.driver.findElements(By.cssSelector("#view tbody tr"))).isNotEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        List<String> urls = browser.requestedUrls();
        assertThat(urls).isNotEmpty().allSatisfy(u -> assertThat(u).matches(
                "(http://127\\.0\\.0\\.1:(" + corpus.port() + "|" + empty.port() + "|" + live.port()
                        + ")/.*|data:.*|blob:.*)"));
        @SuppressWarnings("unchecked")
        List<String> entries = (List<String>) browser.js(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(entries).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(corpus.base() + "/"));
    }

    @Test
    void everyViewRendersWithoutData() {
        for (String view : VIEWS) {
            browser.open(empty.base() + "/" + view);
            assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).as(view).isFalse();
            assertThat(text("#view")).as(view).isNotEmpty();
            assertThat(browser.consoleErrors()).as(view).isEmpty();
        }
        browser.open(empty.base() + "/overview");
        assertThat(text("#view")).contains("No usage recorded").contains("$0.00");
    }

    @Test
    void shownFiguresEqualTheCliReportForTwoFilterSets() {
        var reports = new ReportService(new RecordStreamQueries(corpus.ledger(), "", ""), corpus.clock);
        // 1: everything, in UTC: the daily totals row and one day.
        browser.open(corpus.base() + "/overview?range=all&tz=UTC");
        var daily = reports.daily(ReportOptions.all(ZoneId.of("UTC")));
        List<String> total = row("Total");
        assertThat(total.get(total.size() - 1)).isEqualTo(ReportFigures.money(daily.totals().cost())).isEqualTo("$54.58");
        assertThat(total.get(total.size() - 2)).isEqualTo(ReportFigures.count(daily.totals().totalTokens()))
                .isEqualTo("26,997,006");
        assertThat(row("2026-07-19")).endsWith("2,071,270", "$20.91");
        assertThat(text("#view")).contains("Note: no price is known for unsloth/Qwen3-Coder-Next; its usage is"
                + " counted at $0.00, so the real cost is higher.");
        // 2: a range in a zone with a half-hour offset: the models table.
        browser.open(corpus.base() + "/models?from=2025-06-18&to=2026-04-30&tz=Asia/Kolkata");
        var models = reports.models(ReportOptions.all(ZoneId.of("Asia/Kolkata"))
                .withSince(LocalDate.parse("2025-06-18")).withUntil(LocalDate.parse("2026-04-30")));
        for (var m : models.rows()) {
            assertThat(row(m.model())).endsWith(ReportFigures.count(m.usage().totalTokens()),
                    ReportFigures.money(m.usage().cost()));
        }
        List<String> modelsTotal = row("Total");
        assertThat(modelsTotal.get(modelsTotal.size() - 1)).isEqualTo(ReportFigures.money(models.totals().cost()));
    }

    @Test
    void filtersLiveInTheUrlAndRoundTrip() {
        String query = "from=2026-01-01&to=2026-04-30&tz=Asia%2FKolkata&model=claude-sonnet-4-6&period=week";
        browser.open(corpus.base() + "/usage?" + query);
        assertThat(new Select(browser.driver.findElement(By.name("range"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("custom");
        assertThat(browser.driver.findElement(By.name("from")).getDomProperty("value")).isEqualTo("2026-01-01");
        assertThat(browser.driver.findElement(By.name("to")).getDomProperty("value")).isEqualTo("2026-04-30");
        assertThat(browser.driver.findElement(By.name("tz")).getDomProperty("value")).isEqualTo("Asia/Kolkata");
        assertThat(new Select(browser.driver.findElement(By.name("model"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("claude-sonnet-4-6");
        assertThat(browser.driver.findElement(By.cssSelector("input[name=period][value=week]")).isSelected()).isTrue();
        String shown = text("#view table");
        // Changing a filter rewrites the URL; Back restores the page it came from.
        new Select(browser.driver.findElement(By.name("range"))).selectByValue("all");
        browser.waitReady();
        assertThat(browser.driver.getCurrentUrl()).contains("range=all").doesNotContain("from=")
                .contains("model=claude-sonnet-4-6").contains("tz=Asia%2FKolkata");
        browser.driver.navigate().back();
        browser.waitReady();
        assertThat(browser.driver.getCurrentUrl()).contains("from=2026-01-01");
        assertThat(text("#view table")).isEqualTo(shown);
        // A view link keeps the filter.
        browser.driver.findElement(By.cssSelector("nav.views a[data-view=projects]")).click();
        browser.waitReady();
        assertThat(browser.driver.getCurrentUrl()).contains("/projects?").contains("from=2026-01-01")
                .contains("model=claude-sonnet-4-6");
    }

    @Test
    void theViewsAreReachableByKeyboard() {
        browser.open(corpus.base() + "/overview?range=all");
        WebElement body = browser.driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        WebElement sessions = browser.driver.findElement(By.cssSelector("nav.views a[data-view=sessions]"));
        for (int i = 0; i < 10 && !browser.driver.switchTo().activeElement().equals(sessions); i++) {
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(browser.driver.switchTo().activeElement()).isEqualTo(sessions);
        sessions.sendKeys(Keys.ENTER);
        browser.waitReady();
        assertThat(browser.driver.getCurrentUrl()).contains("/sessions");
        // Every form control has a label.
        Long unlabelled = (Long) browser.js("return [...document.querySelectorAll('select, input, button')]"
                + ".filter(e => !e.labels?.length && !e.getAttribute('aria-label') && !e.textContent.trim()).length");
        assertThat(unlabelled).isZero();
    }

    @Test
    void aPhoneGetsTheWholePageWithoutSidewaysScrolling() {
        try {
            browser.size(390, 844);
            browser.open(corpus.base() + "/overview?range=all");
            Long overflow = (Long) browser.js("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflow).isLessThanOrEqualTo(0L);
        } finally {
            browser.size(1280, 800);
        }
    }

    @Test
    void anOpenPageShowsASyncWithinTwoSeconds() throws Exception {
        browser.open(live.base() + "/overview?range=all&tz=UTC");
        assertThat(text("#view")).contains("No usage recorded");
        Path claude = tmp.resolve("live-claude");
        String session = "22222222-2222-4222-8222-222222222222";
        TranscriptBuilder.session(session)
                .assistant("msg_live", "req_live", "claude-sonnet-4-20250514", "2026-07-19T12:00:00.000Z", 1000, 2000,
                        0, 0, "end_turn")
                .writeTo(claude.resolve("projects/-home-user-live/" + session + ".jsonl"));
        long committed = System.nanoTime();
        live.sync(List.of(claude));
        new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> text("#view").contains("3,000"));
        Duration shown = Duration.ofNanos(System.nanoTime() - committed);
        assertThat(shown).isLessThan(Duration.ofSeconds(2));
        assertThat(text("#live")).startsWith("Updated");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void screenshotsForTheReadme() throws Exception {
        shoot("overview", corpus.base() + "/overview?range=all&tz=UTC");
        shoot("sessions", corpus.base() + "/sessions?range=all&tz=UTC");
        browser.driver.findElement(By.cssSelector("#view tbody a")).click();
        browser.waitReady();
        Thread.sleep(300);
        save("session");
    }

    private static void shoot(String name, String url) throws Exception {
        browser.open(url);
        // Charts draw on the next animation frame.
        Thread.sleep(300);
        save(name);
    }

    /**
     * Saves a screenshot under target/screenshots, and under docs/ when {@code -Dcct.screenshots.update=true}
     * (the README shows those; they change only when asked, so a test run leaves the work tree clean).
     */
    private static void save(String name) throws Exception {
        byte[] png = browser.driver.getScreenshotAs(OutputType.BYTES);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("dashboard-" + name + ".png"), png);
        assertThat(png.length).isGreaterThan(10_000);
        if (Boolean.getBoolean("cct.screenshots.update")) {
            Path docs = Path.of(System.getProperty("cct.docs.dir", "../docs"));
            Files.createDirectories(docs);
            Files.write(docs.resolve("dashboard-" + name + ".png"), png);
        }
    }
}
