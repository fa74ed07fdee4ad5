/** Build steps run on the packaged jar (not shipped). */
package dev.cctelemetry.cli.build;
