/**
 * The hook worker: the detached JVM that Claude Code's Stop and SessionEnd hook scripts start
 * ({@code cc-telemetry hook-run}). It reads and deletes the spooled hook payload, validates it (session id format,
 * transcript inside a known Claude {@code projects/} directory), waits for the transcript to settle on
 * SessionEnd, ingests that one session's files, and records the outcome for {@code doctor}. It never throws:
 * the hook must never disturb Claude Code.
 *
 * <p>Nothing from the payload other than the validated session id and the canonical transcript path is used,
 * and neither ever reaches a command line; payload content is never logged.
 */
package dev.cctelemetry.hooks.worker;
