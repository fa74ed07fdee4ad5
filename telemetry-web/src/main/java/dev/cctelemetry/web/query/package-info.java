/**
 * What the dashboard asks its store: filters, aggregate rows and the change counter, read-only.
 */
package dev.cctelemetry.web.query;
