package dev.cctelemetry.cli;

import picocli.CommandLine;

/** The version from the jar manifest (or "dev" when run from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"cc-telemetry " + (v == null ? "dev" : v)};
    }
}
