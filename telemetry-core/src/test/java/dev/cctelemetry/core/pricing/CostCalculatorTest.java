package dev.cctelemetry.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cctelemetry.core.usage.TokenCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostCalculatorTest {

    private final PriceTable table = new PriceTableLoader().builtin();

    private double cost(String model, TokenCounts t, boolean fast) {
        return CostCalculator.cost(table.find(model).orElseThrow(), t, fast);
    }

    @Test
    void usageAccountingSampleCostsWhatCcusageReports() {
        // USAGE-ACCOUNTING.md section 8: 110 in, 550 out, 1000 cache write, 2000 cache read on sonnet-4.
        double c = cost("claude-sonnet-4-20250514", new TokenCounts(110, 550, 1000, 0, 2000), false);
        assertThat(c).isCloseTo(0.01293, within(1e-12));
    }

    @Test
    void oneHourCacheWritesCostTwiceInput() {
        assertThat(cost("claude-opus-4-5-20251101", new TokenCounts(0, 0, 0, 1_000_000, 0), false))
                .isCloseTo(10.0, within(1e-9));
        assertThat(cost("claude-opus-4-5-20251101", new TokenCounts(0, 0, 1_000_000, 0, 0), false))
                .isCloseTo(6.25, within(1e-9));
    }

    @Test
    void longContextTierAppliesPerResponseAndKindAbove200k() {
        double c = cost("claude-sonnet-4-5-20250929", new TokenCounts(300_000, 0, 0, 0, 0), false);
        assertThat(c).isCloseTo(200_000 * 3e-6 + 100_000 * 6e-6, within(1e-9));
        // A model without a tier stays linear.
        assertThat(cost("claude-sonnet-4-6", new TokenCounts(300_000, 0, 0, 0, 0), false))
                .isCloseTo(0.9, within(1e-9));
    }

    @Test
    void fastModeMultipliesTheWholeCost() {
        TokenCounts t = new TokenCounts(1000, 1000, 0, 0, 0);
        assertThat(cost("claude-opus-4-6", t, true)).isCloseTo(6 * cost("claude-opus-4-6", t, false), within(1e-12));
    }

    @Test
    void lookupToleratesProviderSpellingsButNeverGuessesUnknownModels() {
        assertThat(table.find("claude-opus-4.8")).map(ModelPrice::model).contains("claude-opus-4-8");
        assertThat(table.find("claude-sonnet-4-5@20250929")).map(ModelPrice::model).contains("claude-sonnet-4-5");
        assertThat(table.find("us.anthropic.claude-sonnet-4-20250514-v1:0")).map(ModelPrice::model)
                .contains("claude-sonnet-4");
        assertThat(table.find("anthropic/claude-haiku-4-5")).map(ModelPrice::model).contains("claude-haiku-4-5");
        assertThat(table.find("unsloth/Qwen3-Coder-Next")).isEmpty();
        assertThat(table.find("claude-opus-5-5")).isEmpty();
        assertThat(table.find("")).isEmpty();
    }

    @Test
    void userPriceFileOverridesAndExtendsTheShippedTable(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("prices.json");
        Files.writeString(f, "{\"version\":\"mine\",\"models\":{\"claude-opus-5-5\":{\"input\":7,\"output\":35},"
                + "\"claude-sonnet-4-6\":{\"input\":1,\"output\":2}}}");
        PriceTable t = new PriceTableLoader().withOverrides(Optional.of(f));
        assertThat(t.version()).isEqualTo("builtin-2026-11-25+mine");
        assertThat(CostCalculator.cost(t.find("claude-opus-5-5").orElseThrow(), new TokenCounts(1_000_000, 0, 0, 0,
                0), false)).isCloseTo(7.0, within(1e-9));
        assertThat(t.find("claude-sonnet-4-6").orElseThrow().base().input()).isCloseTo(1e-6, within(1e-15));
        assertThat(t.find("claude-haiku-4-5")).isPresent();
        Files.writeString(f, "{\"models\":{\"x\":{\"input\":\"cheap\"}}}");
        assertThatThrownBy(() -> new PriceTableLoader().withOverrides(Optional.of(f)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prices.json");
    }
}
