/**
 * cc-telemetry's hexagon: pure domain and ports; depends only on the JDK, Jackson and slf4j-api.
 */
package dev.cctelemetry.core;
