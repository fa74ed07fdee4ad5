/** How failures are told to people: one line each ({@link dev.cctelemetry.core.error.ErrorLine}). */
package dev.cctelemetry.core.error;
