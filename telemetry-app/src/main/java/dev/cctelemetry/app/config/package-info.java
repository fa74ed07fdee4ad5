/** cc-telemetry's own configuration file ({@code config.json}, mode 0600). */
package dev.cctelemetry.app.config;
