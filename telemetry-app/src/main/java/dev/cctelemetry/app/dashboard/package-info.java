/**
 * What {@code cc-telemetry dashboard} reads: the aggregate queries over this machine's ledger or the shared
 * store, each machine's last syncs, a change counter that moves with every commit, and doctor's checks. The
 * HTTP server and the page are the front end's ({@code telemetry-web}); nothing here serves or renders.
 */
package dev.cctelemetry.app.dashboard;
