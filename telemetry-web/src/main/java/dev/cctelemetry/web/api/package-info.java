/**
 * The dashboard's JSON API: one small contribution per view (Overview, Usage, Sessions, Projects/Models/Machines,
 * Blocks, Health), each parsing the shared filter, asking the store, and answering JSON or its table as CSV.
 * Figures carry their raw value and the text the CLI prints for them.
 */
package dev.cctelemetry.web.api;
