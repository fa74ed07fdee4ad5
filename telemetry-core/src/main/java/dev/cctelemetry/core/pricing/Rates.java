package dev.cctelemetry.core.pricing;

/**
 * USD per token for each kind of token.
 *
 * @param input uncached input
 * @param output output
 * @param cacheWrite5m 5-minute cache write (1.25x input at Anthropic)
 * @param cacheWrite1h 1-hour cache write (2x input)
 * @param cacheRead cache read (0.1x input)
 */
public record Rates(double input, double output, double cacheWrite5m, double cacheWrite1h, double cacheRead) {

    public Rates {
        if (input < 0 || output < 0 || cacheWrite5m < 0 || cacheWrite1h < 0 || cacheRead < 0) {
            throw new IllegalArgumentException("rates must not be negative");
        }
    }

    /** Rates derived from input and output prices with Anthropic's cache multipliers. */
    public static Rates standard(double input, double output) {
        return new Rates(input, output, input * 1.25, input * 2, input * 0.1);
    }
}
