/**
 * The shared PostgreSQL store (any PostgreSQL 12+: self-hosted, Supabase, Neon, RDS): {@link
 * dev.cctelemetry.store.postgres.PostgresUsageSink} implements {@link dev.cctelemetry.core.port.out.UsageSink}
 * with the official JDBC driver. The schema is versioned and migrated on connect; pushes are one COPY into a
 * staging table and one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE} that applies the winner rule.
 */
package dev.cctelemetry.store.postgres;
