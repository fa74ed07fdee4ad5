/** Byte-level scanning shared by the transcript reader and the line parser: eight bytes a step, no decoding. */
package dev.cctelemetry.core.scan;
