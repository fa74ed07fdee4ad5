package dev.cctelemetry.core.query;

/**
 * Where the active block ends up if the current burn rate holds until its end (rounded as ccusage does).
 *
 * @param totalTokens projected tokens at block end, rounded
 * @param totalCost projected USD at block end, rounded to cents
 * @param remainingMinutes minutes until the block ends, rounded
 */
public record BlockProjection(long totalTokens, double totalCost, long remainingMinutes) {
}
