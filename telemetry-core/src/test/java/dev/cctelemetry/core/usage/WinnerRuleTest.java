package dev.cctelemetry.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WinnerRuleTest {

    static UsageRecord copy(long output, boolean sidechain, String speed, boolean stop, String file, long offset) {
        return new UsageRecord(new UsageKey("m", "r"), sidechain ? "aside" : "main", "-p", "", Instant.EPOCH,
                "claude-sonnet-4-6", new TokenCounts(3, output, 0, 0, 100), speed, "standard", "2.1.97",
                sidechain, "", stop, "/root", file, offset, 0, CostSource.UNPRICED);
    }

    @Test
    void finalStreamingCopyBeatsPlaceholderWhateverTheOrder() {
        UsageRecord placeholder = copy(8, false, "", false, "a", 0);
        UsageRecord fin = copy(291, false, "standard", true, "a", 100);
        assertThat(WinnerRule.winner(placeholder, fin)).isSameAs(fin);
        assertThat(WinnerRule.winner(fin, placeholder)).isSameAs(fin);
    }

    @Test
    void nonSidechainCopyWinsATieSoReplaysDoNotMoveSessions() {
        UsageRecord main = copy(10, false, "", true, "z-main", 500);
        UsageRecord replay = copy(10, true, "", true, "a-aside", 0);
        assertThat(WinnerRule.winner(replay, main)).isSameAs(main);
        assertThat(WinnerRule.winner(main, replay)).isSameAs(main);
    }

    @Test
    void speedThenStopReasonThenEarliestPositionBreakTies() {
        assertThat(WinnerRule.winner(copy(10, false, "", true, "a", 0), copy(10, false, "standard", false, "b", 9)))
                .extracting(UsageRecord::speed).isEqualTo("standard");
        assertThat(WinnerRule.winner(copy(10, false, "", false, "a", 0), copy(10, false, "", true, "b", 9)))
                .extracting(UsageRecord::stopReasonSet).isEqualTo(true);
        assertThat(WinnerRule.winner(copy(10, false, "", true, "b", 0), copy(10, false, "", true, "a", 9)))
                .extracting(UsageRecord::sourceFile).isEqualTo("a");
        assertThat(WinnerRule.winner(copy(10, false, "", true, "a", 9), copy(10, false, "", true, "a", 3)))
                .extracting(UsageRecord::sourceOffset).isEqualTo(3L);
    }
}
