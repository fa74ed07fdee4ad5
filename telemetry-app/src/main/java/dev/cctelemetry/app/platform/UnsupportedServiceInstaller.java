package dev.cctelemetry.app.platform;

import dev.cctelemetry.core.port.out.ServiceDefinition;
import dev.cctelemetry.core.port.out.ServiceInstaller;
import dev.cctelemetry.core.port.out.ServicePlan;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The service "installer" of a Unix-like without a supported service manager: bound so every command still
 * builds, it refuses when asked for a plan and says what to do instead.
 */
final class UnsupportedServiceInstaller implements ServiceInstaller {

    private final String osName;

    UnsupportedServiceInstaller(String osName) {
        this.osName = osName;
    }

    @Override
    public ServicePlan plan(ServiceDefinition definition) {
        throw new UnsupportedOperationException("no service manager supported on " + osName
                + "; run 'cc-telemetry daemon --background' from your login scripts instead");
    }

    @Override
    public boolean canRunCommands(Map<String, String> environment) {
        return false;
    }

    @Override
    public Optional<Path> jarIn(String content) {
        return Optional.empty();
    }
}
