package dev.cctelemetry.platform.unix;

import dev.cctelemetry.core.port.out.ServiceDefinition;
import dev.cctelemetry.core.port.out.ServiceInstaller;
import dev.cctelemetry.core.port.out.ServicePlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@link ServiceInstaller} for macOS: a LaunchAgent {@code ~/Library/LaunchAgents/dev.cctelemetry.daemon.plist}
 * that starts at login and is restarted by launchd when it exits with a failure.
 */
public final class LaunchAgentInstaller implements ServiceInstaller {

    /** The agent's label. */
    public static final String LABEL = "dev.cctelemetry.daemon";

    private static final Pattern STRING = Pattern.compile("<string>([^<]*)</string>");

    @Override
    public ServicePlan plan(ServiceDefinition d) {
        Path file = d.userHome().resolve("Library/LaunchAgents").resolve(LABEL + ".plist");
        List<String> args = new ArrayList<>();
        args.add(d.javaExecutable().toString());
        args.addAll(d.jvmOptions());
        args.add("-jar");
        args.add(d.jar().toString());
        args.addAll(d.arguments());
        StringBuilder p = new StringBuilder();
        p.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        p.append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""
                + " \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n");
        p.append("<plist version=\"1.0\">\n<dict>\n");
        key(p, "Label").append("  <string>").append(xml(LABEL)).append("</string>\n");
        key(p, "ProgramArguments").append("  <array>\n");
        for (String a : args) {
            p.append("    <string>").append(xml(a)).append("</string>\n");
        }
        p.append("  </array>\n");
        key(p, "WorkingDirectory").append("  <string>").append(xml(d.telemetryHome().toString()))
                .append("</string>\n");
        if (!d.environment().isEmpty()) {
            key(p, "EnvironmentVariables").append("  <dict>\n");
            for (Map.Entry<String, String> e : new TreeMap<>(d.environment()).entrySet()) {
                p.append("    <key>").append(xml(e.getKey())).append("</key>\n");
                p.append("    <string>").append(xml(e.getValue())).append("</string>\n");
            }
            p.append("  </dict>\n");
        }
        key(p, "RunAtLoad").append("  <true/>\n");
        // Restart only after a failure, like systemd's Restart=on-failure.
        key(p, "KeepAlive").append("  <dict>\n    <key>SuccessfulExit</key>\n    <false/>\n  </dict>\n");
        key(p, "ThrottleInterval").append("  <integer>30</integer>\n");
        key(p, "ProcessType").append("  <string>Background</string>\n");
        key(p, "StandardErrorPath").append("  <string>")
                .append(xml(d.telemetryHome().resolve("logs/daemon.stderr.log").toString())).append("</string>\n");
        p.append("</dict>\n</plist>\n");
        return new ServicePlan("launchd agent", file, p.toString(), StandardCharsets.UTF_8,
                List.of(List.of("launchctl", "load", "-w", file.toString())),
                List.of(List.of("launchctl", "unload", "-w", file.toString())),
                List.of(),
                List.of("launchctl", "list", LABEL));
    }

    @Override
    public boolean canRunCommands(Map<String, String> environment) {
        return ProgramLookup.onPath("launchctl", environment);
    }

    @Override
    public Optional<Path> jarIn(String content) {
        return JarArgument.of(STRING.matcher(content).results().map(m -> unxml(m.group(1))).toList());
    }

    private static StringBuilder key(StringBuilder p, String key) {
        return p.append("  <key>").append(key).append("</key>\n");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String unxml(String s) {
        return s.replace("&quot;", "\"").replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
    }
}
