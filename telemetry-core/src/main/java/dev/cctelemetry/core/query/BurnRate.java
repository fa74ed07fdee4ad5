package dev.cctelemetry.core.query;

/**
 * How fast the active block is being used, measured between its first and last request (as ccusage does).
 *
 * @param tokensPerMinute all tokens (cache included) per minute
 * @param tokensPerMinuteForIndicator input and output tokens per minute (cache excluded)
 * @param costPerHour USD per hour
 */
public record BurnRate(double tokensPerMinute, double tokensPerMinuteForIndicator, double costPerHour) {
}
