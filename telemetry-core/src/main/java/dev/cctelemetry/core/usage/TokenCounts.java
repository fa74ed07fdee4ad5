package dev.cctelemetry.core.usage;

/**
 * The tokens of one Claude API response, split the way they are priced.
 *
 * @param input tokens read without cache (excludes cache writes and reads)
 * @param output generated tokens
 * @param cacheWrite5m prompt tokens written to the 5-minute cache
 * @param cacheWrite1h prompt tokens written to the 1-hour cache
 * @param cacheRead prompt tokens read from the cache
 */
public record TokenCounts(long input, long output, long cacheWrite5m, long cacheWrite1h, long cacheRead) {

    /** No tokens at all. */
    public static final TokenCounts ZERO = new TokenCounts(0, 0, 0, 0, 0);

    public TokenCounts {
        if (input < 0 || output < 0 || cacheWrite5m < 0 || cacheWrite1h < 0 || cacheRead < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        try {
            // total() must mean something: a hostile line with counts near Long.MAX_VALUE would wrap it negative.
            Math.addExact(Math.addExact(Math.addExact(input, output), Math.addExact(cacheWrite5m, cacheWrite1h)),
                    cacheRead);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("token counts overflow their total", e);
        }
    }

    /** Cache writes of both durations. */
    public long cacheWrite() {
        return cacheWrite5m + cacheWrite1h;
    }

    /** Everything: input, output, cache writes and cache reads (ccusage's {@code totalTokens}). */
    public long total() {
        return input + output + cacheWrite5m + cacheWrite1h + cacheRead;
    }

    /** The element-wise sum of both counts. */
    public TokenCounts plus(TokenCounts other) {
        return new TokenCounts(input + other.input, output + other.output, cacheWrite5m + other.cacheWrite5m,
                cacheWrite1h + other.cacheWrite1h, cacheRead + other.cacheRead);
    }
}
