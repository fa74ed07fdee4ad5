/**
 * The Stop debounce, defined once: a pure per-session state machine with the time passed in. The hook scripts
 * of the platform modules implement the same decisions with files; a test holds them to this machine.
 */
package dev.cctelemetry.core.debounce;
