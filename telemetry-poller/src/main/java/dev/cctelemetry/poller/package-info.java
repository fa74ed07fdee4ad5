/**
 * The reconciliation daemon: a loop that runs an incremental sync over every Claude root the machine has used,
 * then sleeps for an interval (backing off after failures), so that sessions the hooks missed still reach the
 * ledger. Plain Java: the CLI wires it, configures its log file and installs the signal handling.
 *
 * <p>Time comes from two injected sources: a wall {@link java.time.Clock} for what is recorded and a monotonic
 * {@link dev.cctelemetry.poller.LongSupplier} for how long to wait, so a wall-clock jump never makes the loop spin,
 * and a suspended machine (whose monotonic clock stops) still gets its pass soon after it wakes.
 */
package dev.cctelemetry.poller;
