package dev.cctelemetry.core.statusline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.limits.LimitLevel;
import dev.cctelemetry.core.limits.LimitWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatuslineLineTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z"); // 13:00 in Berlin, a Monday
    private static final long PICOS = 1_000_000_000_000L;

    private final StatuslineLine line = new StatuslineLine(ZONE);

    @Test
    void everyPartKnownMakesTheIssuesExampleLine() {
        StatuslinePayload payload = payload(Optional.of("Opus 5.5"),
                new LimitLevel(LimitWindow.FIVE_HOUR, 42, Instant.parse("2026-12-07T14:10:00Z")),
                new LimitLevel(LimitWindow.SEVEN_DAY, 17.3, Instant.parse("2026-12-10T08:00:00Z")));
        StatuslineFigures figures = new StatuslineFigures(Optional.of(123 * PICOS / 100), Optional.of(840 * PICOS / 100),
                Optional.of(1910 * PICOS / 100), Optional.of(new ActiveBlock(402 * PICOS / 100, Optional.of(2.10),
                        Instant.parse("2026-12-07T15:00:00Z"))));

        assertThat(line.render(payload, figures, NOW, 0)).containsExactly("Opus 5.5 | session $1.23 | today $8.40"
                + " (all machines $19.10) | block $4.02, $2.10/h, ends 16:00 | 5h 42% (resets 15:10) | 7d 17%");
    }

    @Test
    void unknownPartsAreLeftOutNeverShownAsZero() {
        StatuslineFigures onlyToday = new StatuslineFigures(Optional.empty(), Optional.of(0L), Optional.empty(),
                Optional.empty());

        assertThat(line.render(payload(Optional.empty()), onlyToday, NOW, 0)).containsExactly("today $0.00");
        assertThat(line.render(payload(Optional.empty()), StatuslineFigures.NONE, NOW, 0)).isEmpty();
        assertThat(line.render(payload(Optional.of("Sonnet")), StatuslineFigures.NONE, NOW, 0))
                .containsExactly("Sonnet");
    }

    @Test
    void aBlockWithoutBurnRateOrAlreadyOverIsShownAccordingly() {
        ActiveBlock fresh = new ActiveBlock(5 * PICOS, Optional.empty(), Instant.parse("2026-12-07T16:00:00Z"));
        ActiveBlock over = new ActiveBlock(5 * PICOS, Optional.of(1.0), Instant.parse("2026-12-07T11:59:00Z"));

        assertThat(line.render(payload(Optional.empty()), figures(fresh), NOW, 0))
                .containsExactly("block $5.00, ends 17:00");
        assertThat(line.render(payload(Optional.empty()), figures(over), NOW, 0)).isEmpty();
    }

    @Test
    void windowsShowTheirResetOnTheFiveHourAndFromEightyPercentAndTheWeekdayWhenNotToday() {
        StatuslinePayload p = payload(Optional.empty(),
                new LimitLevel(LimitWindow.FIVE_HOUR, 99.95, Instant.parse("2026-12-07T23:30:00Z")),
                new LimitLevel(LimitWindow.SEVEN_DAY, 80, Instant.parse("2026-12-10T08:05:00Z")),
                new LimitLevel(new LimitWindow("seven_day_opus"), 100, Instant.parse("2026-12-10T08:05:00Z")),
                new LimitLevel(new LimitWindow("spend_limit"), 12.5, Instant.parse("2026-12-31T08:05:00Z")));

        assertThat(line.render(p, StatuslineFigures.NONE, NOW, 0)).containsExactly("5h 99% (resets Tue 00:30)"
                + " | 7d 80% (resets Thu 09:05) | 7d opus 100% (resets Thu 09:05) | spend limit 12%");
    }

    @Test
    void aWindowWhoseResetHasPassedIsLeftOut() {
        StatuslinePayload p = payload(Optional.empty(),
                new LimitLevel(LimitWindow.FIVE_HOUR, 50, NOW),
                new LimitLevel(LimitWindow.SEVEN_DAY, 20, NOW.plusSeconds(60)));

        assertThat(line.render(p, StatuslineFigures.NONE, NOW, 0)).containsExactly("7d 20%");
    }

    @Test
    void aModelNameWithEscapesAndLineBreaksPrintsAsVisibleText() {
        List<String> out = line.render(payload(Optional.of("\u001b]0;pwned\u0007\nX\u202e")), StatuslineFigures.NONE,
                NOW, 0);

        assertThat(out).containsExactly("\\x1b]0;pwned\\x07\\nX\\u202e");
        assertThat(String.join("", out)).doesNotContain("\u001b", "\u0007", "\n", "\u202e");
    }

    @Test
    void aNarrowTerminalGetsTwoLinesAndCutsWhatStillDoesNotFit() {
        StatuslinePayload payload = payload(Optional.of("Opus 5.5"),
                new LimitLevel(LimitWindow.FIVE_HOUR, 42, Instant.parse("2026-12-07T14:10:00Z")),
                new LimitLevel(LimitWindow.SEVEN_DAY, 17.3, Instant.parse("2026-12-10T08:00:00Z")));
        StatuslineFigures figures = new StatuslineFigures(Optional.of(PICOS), Optional.of(2 * PICOS),
                Optional.empty(), Optional.empty());

        assertThat(line.render(payload, figures, NOW, 80)).containsExactly(
                "Opus 5.5 | session $1.00 | today $2.00 | 5h 42% (resets 15:10) | 7d 17%");
        assertThat(line.render(payload, figures, NOW, 45)).containsExactly(
                "Opus 5.5 | session $1.00 | today $2.00",
                "5h 42% (resets 15:10) | 7d 17%");
        assertThat(line.render(payload, figures, NOW, 20)).containsExactly("Opus 5.5", "session $1.00 | tod…");
    }

    @Test
    void aLongModelNameIsShortened() {
        List<String> out = line.render(payload(Optional.of("M".repeat(100))), StatuslineFigures.NONE, NOW, 0);

        assertThat(out.get(0)).hasSize(40).endsWith("…");
    }

    private static StatuslineFigures figures(ActiveBlock block) {
        return new StatuslineFigures(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(block));
    }

    private static StatuslinePayload payload(Optional<String> model, LimitLevel... limits) {
        return new StatuslinePayload(Optional.of("s"), Optional.empty(), model, List.of(limits), true);
    }
}
