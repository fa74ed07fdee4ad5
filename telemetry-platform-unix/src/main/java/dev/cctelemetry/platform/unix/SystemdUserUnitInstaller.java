package dev.cctelemetry.platform.unix;

import dev.cctelemetry.core.port.out.ServiceDefinition;
import dev.cctelemetry.core.port.out.ServiceInstaller;
import dev.cctelemetry.core.port.out.ServicePlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@link ServiceInstaller} for Linux: a systemd user unit {@code ~/.config/systemd/user/cc-telemetry.service}
 * that restarts the daemon on failure and starts with the user's session manager.
 */
public final class SystemdUserUnitInstaller implements ServiceInstaller {

    /** The unit's name. */
    public static final String UNIT = "cc-telemetry.service";

    /** One double-quoted word of an {@code ExecStart} line as {@link #quote} writes it. */
    private static final Pattern QUOTED_WORD = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Override
    public ServicePlan plan(ServiceDefinition d) {
        Path file = d.userHome().resolve(".config/systemd/user").resolve(UNIT);
        List<String> exec = new ArrayList<>();
        exec.add(d.javaExecutable().toString());
        exec.addAll(d.jvmOptions());
        exec.add("-jar");
        exec.add(d.jar().toString());
        exec.addAll(d.arguments());
        StringBuilder u = new StringBuilder();
        u.append("# Written by cc-telemetry install-service; remove with cc-telemetry uninstall-service.\n");
        u.append("[Unit]\n");
        u.append("Description=cc-telemetry reconciliation daemon (Claude Code usage ledger)\n");
        u.append("\n[Service]\n");
        u.append("Type=simple\n");
        u.append("ExecStart=").append(String.join(" ", exec.stream().map(SystemdUserUnitInstaller::quote).toList()))
                .append('\n');
        u.append("WorkingDirectory=").append(escape(d.telemetryHome().toString())).append('\n');
        for (Map.Entry<String, String> e : new TreeMap<>(d.environment()).entrySet()) {
            u.append("Environment=").append(quote(e.getKey() + "=" + e.getValue())).append('\n');
        }
        u.append("Restart=on-failure\n");
        // SIGTERM ends the JVM with 143 if it arrives before the daemon's own handler is in place (or on a JVM
        // without one): still a clean stop, so `systemctl --user stop` never leaves the unit "failed" (issue 19.11).
        u.append("SuccessExitStatus=143\n");
        // A second daemon exits non-zero at once; waiting keeps that from spinning and takes over later.
        u.append("RestartSec=30\n");
        u.append("TimeoutStopSec=60\n");
        u.append("\n[Install]\n");
        u.append("WantedBy=default.target\n");
        return new ServicePlan("systemd user unit", file, u.toString(), StandardCharsets.UTF_8,
                List.of(List.of("systemctl", "--user", "daemon-reload"),
                        List.of("systemctl", "--user", "enable", "--now", UNIT)),
                List.of(List.of("systemctl", "--user", "disable", "--now", UNIT)),
                List.of(List.of("systemctl", "--user", "daemon-reload")),
                List.of("systemctl", "--user", "is-active", "--quiet", UNIT));
    }

    @Override
    public boolean canRunCommands(Map<String, String> environment) {
        if (!ProgramLookup.onPath("systemctl", environment)) {
            return false;
        }
        String bus = environment.get("DBUS_SESSION_BUS_ADDRESS");
        String runtime = environment.get("XDG_RUNTIME_DIR");
        return (bus != null && !bus.isBlank())
                || (runtime != null && !runtime.isBlank() && Files.exists(Path.of(runtime, "bus")));
    }

    @Override
    public Optional<Path> jarIn(String content) {
        return content.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().flatMap(line -> JarArgument.of(
                QUOTED_WORD.matcher(line).results().map(m -> unquote(m.group(1))).toList()));
    }

    /** The inverse of {@link #quote} on the text between the quotes. */
    private static String unquote(String quoted) {
        String s = quoted.replace("%%", "%").replace("$$", "$");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                b.append(next == 'n' ? '\n' : next);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** One ExecStart/Environment word, double-quoted with C escapes, specifiers and variables escaped. */
    static String quote(String word) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : word.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return escape(b.append('"').toString());
    }

    /** Escapes systemd's {@code %} specifiers and {@code $} variable expansion. */
    private static String escape(String s) {
        return s.replace("%", "%%").replace("$", "$$");
    }
}
