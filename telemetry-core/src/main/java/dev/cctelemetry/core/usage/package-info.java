/**
 * Usage records: the transcript line parser, token counts, the natural key and the winner rule for duplicate copies.
 */
package dev.cctelemetry.core.usage;
