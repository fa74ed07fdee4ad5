/**
 * Model prices and the per-response cost formula (long-context tier, cache multipliers, fast mode).
 */
package dev.cctelemetry.core.pricing;
