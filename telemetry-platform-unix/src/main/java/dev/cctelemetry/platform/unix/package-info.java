/**
 * Unix adapters: detached process start through {@code setsid} (or {@code nohup}) and POSIX {@code sh} hook
 * scripts.
 */
package dev.cctelemetry.platform.unix;
