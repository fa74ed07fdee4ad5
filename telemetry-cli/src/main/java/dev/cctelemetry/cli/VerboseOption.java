package dev.cctelemetry.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: debug logging and stack traces on errors (read by {@link Main} before parsing). */
public final class VerboseOption {
    @Option(names = "--verbose", description = "Show debug logs and stack traces.")
    boolean verbose;
}
