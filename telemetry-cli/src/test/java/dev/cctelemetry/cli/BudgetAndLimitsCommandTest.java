package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.core.limits.LimitLevel;
import dev.cctelemetry.core.limits.LimitWindow;
import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code budget set|list|clear}, {@code check} (exit 4) and {@code report limits}, in-process on a real ledger. */
class BudgetAndLimitsCommandTest {

    private static final String SESSION = "22222222-2222-4222-8222-222222222222";

    @TempDir
    java.nio.file.Path tmp;

    private CliHarness cli;
    private Instant now;

    @BeforeEach
    void aRequestOfTwentyOneDollarsAMinuteAgo() throws Exception {
        cli = new CliHarness(tmp);
        now = cli.clock.instant();
        // 1,000,000 output tokens of Sonnet 4 in one request ($21.00 with the long-context rate), a minute before the
        // harness's clock
        TranscriptBuilder.session(SESSION)
                .assistant("msg_1", "req_1", "claude-sonnet-4-20250514", now.minusSeconds(60).toString(), 0, 1_000_000,
                        0, 0, "end_turn")
                .writeTo(cli.userHome.resolve(".claude/projects/-work-p/" + SESSION + ".jsonl"));
        assertThat(cli.run("sync").exitCode()).isZero();
    }

    @Test
    void aBudgetIsStoredInTheConfigListedWithItsSpendAndCheckExitsFourOnceItIsUsedUp() throws Exception {
        CliHarness.Result set = cli.run("budget", "set", "--daily", "30");
        assertThat(set.exitCode()).as(set.stderr()).isZero();
        assertThat(set.stdout()).isEqualTo("Budget set: $30.00 per day (this machine)\n");
        JsonNode config = new ObjectMapper().readTree(cli.telemetryHome.resolve("config.json").toFile());
        assertThat(config.get("budgets").toString())
                .isEqualTo("[{\"period\":\"daily\",\"amount_usd\":\"30.00\",\"scope\":\"this\"}]");
        assertThat(config.get("machine_id").asText()).isNotBlank(); // other keys kept

        assertThat(cli.run("budget", "list").stdout()).startsWith("✓ $30.00 per day (this machine): $21.00 spent (70.0 %)");
        CliHarness.Result ok = cli.run("check");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.stdout()).contains("✓ $30.00 per day (this machine): $21.00 spent (70.0 %)");

        // Setting the same target again replaces it; another project is another budget.
        assertThat(cli.run("budget", "set", "--daily", "$20.50").exitCode()).isZero();
        assertThat(cli.run("budget", "set", "--monthly", "100", "--project", "-other").exitCode()).isZero();
        CliHarness.Result over = cli.run("check");
        assertThat(over.exitCode()).isEqualTo(4);
        assertThat(over.stdout()).contains("✗ $20.50 per day (this machine): $21.00 spent (102.4 %)")
                .contains("✓ $100.00 per month for -other (this machine): $0.00 spent (0.0 %)");

        CliHarness.Result cleared = cli.run("budget", "clear", "--daily", "x");
        assertThat(cleared.stdout()).isEqualTo("Removed: $20.50 per day (this machine)\n");
        assertThat(cli.run("check").exitCode()).isZero();
        assertThat(cli.run("budget", "clear").stdout()).contains("Removed: $100.00 per month for -other");
        assertThat(cli.run("budget", "list").stdout()).startsWith("No budgets.");
    }

    @Test
    void badAmountsAreOneLineAndExitTwoAndChangeNothing() throws Exception {
        for (String[] args : List.of(new String[] {"budget", "set", "--daily", "abc"},
                new String[] {"budget", "set", "--daily", "1.234"}, new String[] {"budget", "set", "--daily", "-5"},
                new String[] {"budget", "set", "--daily", "5", "--weekly", "6"}, new String[] {"budget", "set"},
                new String[] {"budget", "set", "--weekly", "5", "--start-of-week", "someday"})) {
            CliHarness.Result r = cli.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.stderr()).as(String.join(" ", args)).startsWith("cc-telemetry: ").doesNotContain("Exception");
        }
        assertThat(Files.readString(cli.telemetryHome.resolve("config.json"))).doesNotContain("budgets");
    }

    @Test
    void aRemoteBudgetWithoutAStoreIsShownAsUnknownNeverAsZero() {
        assertThat(cli.run("budget", "set", "--weekly", "50", "--all-machines").exitCode()).isZero();
        CliHarness.Result r = cli.run("check");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("? $50.00 per week (all machines): not known (no shared store configured");
    }

    @Test
    void reportLimitsShowsTheCurrentLevelPaceAndFullPeriodsAndCheckExitsFourAtAHundredPercent() throws Exception {
        Instant reset = now.plusSeconds(2 * 3600);
        Instant lastWeekReset = now.minusSeconds(5 * 86400);
        try (SqliteLedger ledger = SqliteLedger.open(cli.telemetryHome.resolve("telemetry.db"), "v")) {
            ledger.planLimitLog().recordChanges(List.of(
                    reading(LimitWindow.SEVEN_DAY, 90, lastWeekReset, lastWeekReset.minusSeconds(86400)),
                    reading(LimitWindow.SEVEN_DAY, 100, lastWeekReset, lastWeekReset.minusSeconds(3600)),
                    reading(LimitWindow.FIVE_HOUR, 30, reset, now.minusSeconds(600)),
                    reading(LimitWindow.FIVE_HOUR, 60, reset, now.minusSeconds(60))));
        }
        CliHarness.Result json = cli.run("report", "limits", "--json");
        assertThat(json.exitCode()).as(json.stderr()).isZero();
        JsonNode windows = new ObjectMapper().readTree(json.stdout()).get("windows");
        assertThat(windows).hasSize(2);
        JsonNode five = windows.get(0);
        assertThat(five.get("window").asText()).isEqualTo("five_hour");
        assertThat(five.get("current").get("usedPercentage").asDouble()).isEqualTo(60);
        assertThat(five.get("current").get("resetsInSeconds").asLong()).isEqualTo(7200);
        // 60 % in the 3 hours since the period began (reset - 5 h): 100 % is 2 hours after now, at the reset, so it
        // does not get there first; it stands at 100 % when it resets
        assertThat(five.get("pace").get("atReset").asDouble()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(five.get("periods").get(0).get("readings")).hasSize(2);
        JsonNode seven = windows.get(1);
        assertThat(seven.get("current").isNull()).isTrue();
        assertThat(seven.get("timesFull").asInt()).isEqualTo(1);
        assertThat(seven.get("periods").get(0).get("peak").asDouble()).isEqualTo(100);

        CliHarness.Result text = cli.run("report", "limits");
        assertThat(text.stdout()).contains("5h window (five_hour)").contains("now      60 %")
                .contains("(in 2h 0m)").contains("reached 100 % in 1 of 1 periods");
        assertThat(cli.run("check").exitCode()).isZero();

        try (SqliteLedger ledger = SqliteLedger.open(cli.telemetryHome.resolve("telemetry.db"), "v")) {
            ledger.planLimitLog().recordChanges(List.of(reading(LimitWindow.FIVE_HOUR, 100, reset, now)));
        }
        CliHarness.Result full = cli.run("check");
        assertThat(full.exitCode()).isEqualTo(4);
        assertThat(full.stdout()).contains("✗ 5h 100.0 % used");
    }

    private static PlanLimitReading reading(LimitWindow w, double used, Instant reset, Instant seen) {
        return new PlanLimitReading(new LimitLevel(w, used, reset), seen, SESSION);
    }
}
