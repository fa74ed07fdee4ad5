/**
 * Reports over usage records: daily, monthly, sessions, projects, models and 5-hour blocks.
 */
package dev.cctelemetry.core.report;
