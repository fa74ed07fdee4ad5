package dev.cctelemetry.testing;

import java.util.SplittableRandom;

/**
 * The models a generated session uses, all priced in the built-in table and in ccusage 20.0.24's offline table,
 * weighted roughly like a 2025 user's mix.
 */
final class UsageModels {

    /** The model id Claude Code writes for locally generated messages. */
    static final String SYNTHETIC = "<synthetic>";
    /** The small model Claude Code uses for quick side calls and many subagents. */
    static final String HAIKU = "claude-haiku-4-5-20251001";

    private static final String[] MODELS = {
        "claude-sonnet-4-5-20250929", "claude-opus-4-5-20251101", "claude-sonnet-4-20250514",
        "claude-opus-4-1-20250805", HAIKU, "claude-opus-4-20250514",
    };
    private static final int[] WEIGHTS = {40, 25, 15, 5, 10, 5};

    private UsageModels() {
    }

    /** A session's main model. */
    static String pick(SplittableRandom r) {
        int x = r.nextInt(100);
        for (int i = 0; i < MODELS.length; i++) {
            x -= WEIGHTS[i];
            if (x < 0) {
                return MODELS[i];
            }
        }
        return MODELS[0];
    }
}
