/**
 * Usage metrics for teams' dashboards: the ledger's (or the shared store's) cumulative tokens, cost and requests
 * by machine, model and project (projects bounded to the most expensive few plus {@code other}), and the health of
 * each machine's syncs and pushes. Read from the aggregate query port at each scrape; how they are written out
 * (Prometheus text, OTLP) is the front end's business.
 */
package dev.cctelemetry.app.metrics;
