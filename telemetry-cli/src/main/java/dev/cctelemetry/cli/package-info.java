/**
 * The command line: picocli commands, the Guice composition root, Logback set-up and exit codes. The only
 * place that reads the environment, touches standard streams or calls {@code System.exit}.
 */
package dev.cctelemetry.cli;
