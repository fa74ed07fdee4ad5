package dev.cctelemetry.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitWindowTest {

    @Test
    void labelsAndLengthsFollowTheKey() {
        assertThat(LimitWindow.FIVE_HOUR.label()).isEqualTo("5h");
        assertThat(LimitWindow.SEVEN_DAY.label()).isEqualTo("7d");
        assertThat(new LimitWindow("seven_day_opus").label()).isEqualTo("7d opus");
        assertThat(new LimitWindow("spend_limit").label()).isEqualTo("spend limit");
        assertThat(LimitWindow.FIVE_HOUR.length()).contains(Duration.ofHours(5));
        assertThat(new LimitWindow("seven_day_sonnet").length()).contains(Duration.ofDays(7));
        assertThat(new LimitWindow("spend_limit").length()).isEmpty();
    }

    @Test
    void fiveHourComesFirstThenTheWeekThenTheRest() {
        List<LimitWindow> w = new ArrayList<>(List.of(new LimitWindow("spend_limit"), new LimitWindow("seven_day_opus"),
                LimitWindow.SEVEN_DAY, LimitWindow.FIVE_HOUR));
        Collections.shuffle(w);
        Collections.sort(w);

        assertThat(w).extracting(LimitWindow::key).containsExactly("five_hour", "seven_day", "seven_day_opus",
                "spend_limit");
    }

    @Test
    void keysThatAreNotShortIdentifiersAreRefused() {
        assertThatThrownBy(() -> new LimitWindow("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LimitWindow("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LimitWindow("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }
}
