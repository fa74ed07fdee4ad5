/**
 * The file-backed adapters of core's ports, in the one core package allowed to take OS file locks and keep state
 * in files of its own: the machine's sync lock ({@link dev.cctelemetry.core.adapter.file.FileSyncLock}) and the
 * push status ({@link dev.cctelemetry.core.adapter.file.JsonPushStatusStore}). They live in core, not in an adapter
 * module, so an embedding tool gets a working lock with core and the SQLite adapter alone; ArchitectureTest keeps
 * every other core package from depending on them.
 */
package dev.cctelemetry.core.adapter.file;
