/**
 * The aggregate queries ({@link dev.cctelemetry.core.port.out.UsageQueries}) answered in SQL, for the ledger and
 * the shared store alike: the database groups and sums, down to one row per group, session, model, cost source,
 * project folder and working directory ({@link dev.cctelemetry.store.query.PartialRow}), and
 * {@link dev.cctelemetry.core.query.GroupTally} folds those rows into the port's answers, so "latest", "distinct"
 * and every sum mean exactly what the reference implementation means. Costs are summed in picodollars in SQL;
 * calendar grouping adds each record's UTC offset (from the zone's transitions) in SQL, exact in every zone.
 */
package dev.cctelemetry.store.query;
