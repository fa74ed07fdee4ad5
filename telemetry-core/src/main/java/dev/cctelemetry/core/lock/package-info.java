/**
 * The machine-wide sync lock over an OS file lock.
 */
package dev.cctelemetry.core.lock;
