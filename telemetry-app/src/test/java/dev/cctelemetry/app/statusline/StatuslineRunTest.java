package dev.cctelemetry.app.statusline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cc-telemetry statusline} against a real ledger in a temp home, with the payload variants Claude Code sends. */
class StatuslineRunTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long FIVE_HOUR_RESET = NOW.getEpochSecond() + 3 * 3600 + 600; // 15:10
    private static final long SEVEN_DAY_RESET = NOW.getEpochSecond() + 3 * 86400;

    @TempDir
    Path dir;
    private InstallLayout layout;

    @BeforeEach
    void ledgerWithTwoSessions() throws IOException {
        layout = new InstallLayout(dir.resolve("telemetry"));
        Files.createDirectories(layout.stateDir());
        try (SqliteLedger ledger = SqliteLedger.open(layout.ledger(), "v", CLOCK)) {
            ledger.commit(new Ledger.IngestBatch(List.of(
                    rec(1, "sess-a", "2026-12-07T10:00:00Z", 1.00),
                    rec(2, "sess-a", "2026-12-07T11:00:00Z", 0.23),
                    rec(3, "sess-b", "2026-12-07T11:30:00Z", 7.17),
                    rec(4, "sess-a", "2026-12-06T11:30:00Z", 5.00)), List.of(), List.of()));
            ledger.publishCheckpoints();
        }
    }

    private static UsageRecord rec(int n, String session, String ts, double cost) {
        return new UsageRecord(new UsageKey("m" + n, "r" + n), session, "-p", "/w", Instant.parse(ts),
                "claude-opus-5-5", new TokenCounts(10, 20, 0, 0, 0), "", "standard", "2.1.328", false, "", true,
                "/root", "f.jsonl", n, cost, CostSource.PRICE_TABLE);
    }

    private String payload(String session, String rateLimits) {
        return "{\"session_id\":\"" + session + "\",\"transcript_path\":\"/x/" + session + ".jsonl\",\"cwd\":\"/w\","
                + "\"model\":{\"id\":\"claude-opus-5-5\",\"display_name\":\"Opus 5.5\"},\"version\":\"2.1.328\","
                + "\"cost\":{\"total_cost_usd\":0.02,\"total_duration_ms\":8264},\"exceeds_200k_tokens\":false"
                + (rateLimits == null ? "" : ",\"rate_limits\":" + rateLimits) + "}\n";
    }

    private static String limits(double fiveHour, double sevenDay) {
        return "{\"five_hour\":{\"used_percentage\":" + fiveHour + ",\"resets_at\":" + FIVE_HOUR_RESET + "},"
                + "\"seven_day\":{\"used_percentage\":" + sevenDay + ",\"resets_at\":" + SEVEN_DAY_RESET + "}}";
    }

    private String run(byte[] stdin, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StatuslineRun(layout, CLOCK).run(new ByteArrayInputStream(stdin), env, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String run(String stdin) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private List<PlanLimitReading> readings() {
        try (SqliteLedger ledger = SqliteLedger.open(layout.ledger(), "v", CLOCK)) {
            return ledger.planLimitLog().readings(Optional.empty());
        }
    }

    @Test
    void afterATurnTheLineShowsSessionTodayBlockAndLimitsAndTheReadingsAreRecorded() {
        String line = run(payload("sess-a", limits(42, 17.3)));

        assertThat(line).isEqualTo("Opus 5.5 | session $6.23 | today $8.40 | block $8.40, $5.60/h, ends 15:00"
                + " | 5h 42% (resets 15:10) | 7d 17%\n");
        assertThat(readings()).extracting(r -> r.window().key() + " " + r.usedPercentage() + " " + r.sessionId())
                .containsExactly("five_hour 42.0 sess-a", "seven_day 17.3 sess-a");
    }

    @Test
    void theSameLevelsAgainAreNotRecordedTwiceAndAChangeIsRecordedOnce() throws IOException {
        run(payload("sess-a", limits(42, 17.3)));
        run(payload("sess-b", limits(42, 17.3)));
        assertThat(readings()).hasSize(2);

        // The shortcut file gone: the ledger still keeps repeats out.
        Files.delete(layout.statuslineLimits());
        run(payload("sess-b", limits(42, 17.3)));
        assertThat(readings()).hasSize(2);

        run(payload("sess-b", limits(43, 17.3)));
        assertThat(readings()).extracting(r -> r.window().key() + " " + r.usedPercentage())
                .containsExactly("five_hour 42.0", "seven_day 17.3", "five_hour 43.0");
    }

    @Test
    void beforeTheFirstPromptOrWithoutRateLimitsTheLimitsAreLeftOutAndNothingIsRecorded() {
        String before = "{\"session_id\":\"new\",\"transcript_path\":\"/x/new.jsonl\",\"model\":{\"id\":\"claude-opus-5-5\","
                + "\"display_name\":\"Opus 5.5\"},\"cost\":{\"total_cost_usd\":0},\"context_window\":{\"current_usage\":null,"
                + "\"used_percentage\":null}}";
        // A session with no transcript in the ledger yet: its part is left out, never shown as $0.00.
        assertThat(run(before)).isEqualTo("Opus 5.5 | today $8.40 | block $8.40, $5.60/h, ends 15:00\n");
        assertThat(run(payload("sess-b", null))).isEqualTo(
                "Opus 5.5 | session $7.17 | today $8.40 | block $8.40, $5.60/h, ends 15:00\n");
        assertThat(readings()).isEmpty();
        assertThat(layout.statuslineLimits()).doesNotExist();
    }

    @Test
    void unknownKeysAreIgnored() {
        String withExtras = payload("sess-b", "{\"five_hour\":{\"used_percentage\":81.5,\"resets_at\":" + FIVE_HOUR_RESET
                + ",\"new_key\":[1,{\"x\":null}]},\"spend_limit\":{\"used_percentage\":5,\"resets_at\":" + SEVEN_DAY_RESET
                + "}}").replace("\"version\"", "\"vim\":{\"mode\":\"NORMAL\"},\"future\":[[[{}]]],\"version\"");
        assertThat(run(withExtras)).isEqualTo("Opus 5.5 | session $7.17 | today $8.40 | block $8.40, $5.60/h,"
                + " ends 15:00 | 5h 81% (resets 15:10) | spend limit 5%\n");
        assertThat(readings()).extracting(r -> r.window().key()).containsExactly("five_hour", "spend_limit");
    }

    @Test
    void aTruncatedOrHostilePayloadIsShownAsTextAndNeverRecorded() {
        String whole = payload("sess-b", limits(42, 17.3));
        String cut = whole.substring(0, whole.length() - 4);
        assertThat(run(cut)).startsWith("Opus 5.5 | session $7.17").contains("5h 42%");
        assertThat(readings()).isEmpty(); // an incomplete payload is shown, never recorded

        String hostile = "{\"session_id\":\"sess-b\",\"model\":{\"display_name\":\"\\u001b]0;pwned\\u0007\\u001b[2JOpus\\n2\"}}";
        String line = run(hostile);
        assertThat(line).doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(line.strip().lines()).hasSize(1);
    }

    @Test
    void aMebibyteOfGarbageEndsQuicklyWithoutALimit() {
        byte[] garbage = new byte[2 * 1024 * 1024];
        new Random(3).nextBytes(garbage);
        String line = run(garbage, Map.of());
        assertThat(line).isIn("", "today $8.40 | block $8.40, $5.60/h, ends 15:00\n");
        assertThat(readings()).isEmpty();
        byte[] deep = new byte[1024 * 1024];
        Arrays.fill(deep, (byte) '[');
        assertThat(run(deep, Map.of())).isEqualTo("today $8.40 | block $8.40, $5.60/h, ends 15:00\n");
    }

    @Test
    void aNarrowTerminalGetsTwoLines() {
        String line = run(payload("sess-a", limits(42, 17.3)).getBytes(StandardCharsets.UTF_8),
                Map.of("COLUMNS", "60"));
        assertThat(line.lines()).hasSize(2).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
    }

    @Test
    void withoutPublishedFiguresOnlyThePayloadsPartsShow() throws IOException {
        Files.delete(dir.resolve("telemetry/telemetry.db-statusline"));
        assertThat(run(payload("sess-a", limits(42, 17.3)))).isEqualTo("Opus 5.5 | 5h 42% (resets 15:10) | 7d 17%\n");
    }

    @Test
    void theUsersOwnStatuslineRunsWithTheSamePayloadAndPrintsFirst() throws IOException {
        Files.writeString(layout.statuslineChain(), "read -r p; printf 'theirs saw %s bytes\\n\\n' \"${#p}\"");
        String payload = payload("sess-b", null);
        assertThat(run(payload)).isEqualTo("theirs saw " + (payload.length() - 1) + " bytes\n"
                + "Opus 5.5 | session $7.17 | today $8.40 | block $8.40, $5.60/h, ends 15:00\n");

        // Theirs failing (Claude Code would show nothing of it): ours alone.
        Files.writeString(layout.statuslineChain(), "echo broken; exit 3");
        assertThat(run(payload)).isEqualTo("Opus 5.5 | session $7.17 | today $8.40 | block $8.40, $5.60/h, ends 15:00\n");
    }
}
