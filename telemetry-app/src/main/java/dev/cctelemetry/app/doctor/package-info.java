/**
 * {@code cc-telemetry doctor}: one small {@link dev.cctelemetry.app.doctor.DoctorCheck} per thing that must work
 * for usage to flow (runtime, config, hooks, ledger, store …), each returning a {@link
 * dev.cctelemetry.app.doctor.CheckResult} with the fix for any problem, rendered by {@link
 * dev.cctelemetry.app.doctor.DoctorReport}. Files written by other features (daemon, push) are read leniently:
 * when absent, the check says how to set the feature up.
 */
package dev.cctelemetry.app.doctor;
