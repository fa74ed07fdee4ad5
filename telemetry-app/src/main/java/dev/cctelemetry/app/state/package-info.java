/**
 * Where cc-telemetry keeps its files ({@link dev.cctelemetry.app.layout.InstallLayout}) and lenient readers of
 * the small status files that hooks, the daemon, pushes and manual syncs leave under {@code state/}: a missing
 * or damaged file reads as "nothing recorded", never as an error.
 */
package dev.cctelemetry.app.state;
