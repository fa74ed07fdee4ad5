package dev.cctelemetry.platform.windows;

import dev.cctelemetry.core.port.out.ServiceDefinition;
import dev.cctelemetry.core.port.out.ServiceInstaller;
import dev.cctelemetry.core.port.out.ServicePlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link ServiceInstaller} for Windows: a Task Scheduler task that starts the daemon hidden at the user's logon
 * and restarts it after a failure. The task XML is written under the telemetry home (UTF-16, as
 * {@code schtasks /XML} expects) and imported with {@code schtasks /Create}. Task Scheduler cannot set
 * environment variables, so the definition's environment is not carried; the daemon reads the user's own.
 */
public final class TaskSchedulerInstaller implements ServiceInstaller {

    /** The task's name. */
    public static final String TASK = "cc-telemetry-daemon";

    private static final Pattern ARGUMENTS = Pattern.compile("<Arguments>([^<]*)</Arguments>");

    @Override
    public ServicePlan plan(ServiceDefinition d) {
        Path file = d.telemetryHome().resolve("service").resolve(TASK + ".xml");
        List<String> args = new ArrayList<>(d.jvmOptions());
        args.add("-jar");
        args.add(d.jar().toString());
        args.addAll(d.arguments());
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n");
        x.append("<Task version=\"1.2\" xmlns=\"http://schemas.microsoft.com/windows/2004/02/mit/task\">\r\n");
        x.append("  <RegistrationInfo>\r\n");
        x.append("    <Description>cc-telemetry reconciliation daemon (Claude Code usage ledger)</Description>\r\n");
        x.append("    <URI>\\").append(TASK).append("</URI>\r\n");
        x.append("  </RegistrationInfo>\r\n");
        x.append("  <Triggers>\r\n    <LogonTrigger>\r\n      <Enabled>true</Enabled>\r\n");
        if (!d.userId().isEmpty()) {
            x.append("      <UserId>").append(xml(d.userId())).append("</UserId>\r\n");
        }
        x.append("    </LogonTrigger>\r\n  </Triggers>\r\n");
        x.append("  <Principals>\r\n    <Principal id=\"Author\">\r\n");
        if (!d.userId().isEmpty()) {
            x.append("      <UserId>").append(xml(d.userId())).append("</UserId>\r\n");
        }
        x.append("      <LogonType>InteractiveToken</LogonType>\r\n");
        x.append("      <RunLevel>LeastPrivilege</RunLevel>\r\n");
        x.append("    </Principal>\r\n  </Principals>\r\n");
        x.append("  <Settings>\r\n");
        x.append("    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>\r\n");
        x.append("    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>\r\n");
        x.append("    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>\r\n");
        x.append("    <StartWhenAvailable>true</StartWhenAvailable>\r\n");
        x.append("    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>\r\n");
        x.append("    <Hidden>true</Hidden>\r\n");
        x.append("    <RestartOnFailure>\r\n      <Interval>PT1M</Interval>\r\n      <Count>999</Count>\r\n"
                + "    </RestartOnFailure>\r\n");
        x.append("  </Settings>\r\n");
        x.append("  <Actions Context=\"Author\">\r\n    <Exec>\r\n");
        x.append("      <Command>").append(xml(windowless(d.javaExecutable()).toString())).append("</Command>\r\n");
        x.append("      <Arguments>").append(xml(commandLine(args))).append("</Arguments>\r\n");
        x.append("      <WorkingDirectory>").append(xml(d.telemetryHome().toString()))
                .append("</WorkingDirectory>\r\n");
        x.append("    </Exec>\r\n  </Actions>\r\n</Task>\r\n");
        return new ServicePlan("Task Scheduler task", file, x.toString(), StandardCharsets.UTF_16,
                List.of(List.of("schtasks", "/Create", "/TN", TASK, "/XML", file.toString(), "/F"),
                        List.of("schtasks", "/Run", "/TN", TASK)),
                List.of(List.of("schtasks", "/End", "/TN", TASK),
                        List.of("schtasks", "/Delete", "/TN", TASK, "/F")),
                List.of(),
                List.of("schtasks", "/Query", "/TN", TASK));
    }

    @Override
    public boolean canRunCommands(Map<String, String> environment) {
        String root = environment.getOrDefault("SystemRoot", environment.get("SYSTEMROOT"));
        return root != null && java.nio.file.Files.exists(Path.of(root, "System32", "schtasks.exe"));
    }

    /** {@code javaw.exe} next to {@code java.exe}: the same runtime without a console window. */
    static Path windowless(Path java) {
        String name = java.getFileName().toString();
        if (name.equalsIgnoreCase("java.exe")) {
            return java.resolveSibling("javaw.exe");
        }
        if (name.equals("java")) {
            return java.resolveSibling("javaw");
        }
        return java;
    }

    /** Joins arguments as {@code CommandLineToArgvW} splits them back (quotes, backslashes before quotes). */
    static String commandLine(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (!a.isEmpty() && a.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"')) {
                out.add(a);
                continue;
            }
            StringBuilder b = new StringBuilder("\"");
            int backslashes = 0;
            for (char c : a.toCharArray()) {
                if (c == '\\') {
                    backslashes++;
                    continue;
                }
                if (c == '"') {
                    b.append("\\".repeat(backslashes * 2 + 1)).append('"');
                } else {
                    b.append("\\".repeat(backslashes)).append(c);
                }
                backslashes = 0;
            }
            b.append("\\".repeat(backslashes * 2)).append('"');
            out.add(b.toString());
        }
        return String.join(" ", out);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String unxml(String s) {
        return s.replace("&quot;", "\"").replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
    }

    @Override
    public Optional<Path> jarIn(String content) {
        Matcher m = ARGUMENTS.matcher(content);
        if (!m.find()) {
            return Optional.empty();
        }
        List<String> args = splitCommandLine(unxml(m.group(1)));
        int jar = args.indexOf("-jar");
        return jar < 0 || jar + 1 >= args.size() ? Optional.empty() : Optional.of(Path.of(args.get(jar + 1)));
    }

    /** Splits a command line as {@code CommandLineToArgvW} does: the inverse of {@link #commandLine}. */
    static List<String> splitCommandLine(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        int backslashes = 0;
        for (char c : line.toCharArray()) {
            if (c == '\\') {
                backslashes++;
                inWord = true;
                continue;
            }
            if (c == '"') {
                cur.append("\\".repeat(backslashes / 2));
                if (backslashes % 2 == 1) {
                    cur.append('"');
                } else {
                    quoted = !quoted;
                }
                backslashes = 0;
                inWord = true;
                continue;
            }
            cur.append("\\".repeat(backslashes));
            backslashes = 0;
            if ((c == ' ' || c == '\t') && !quoted) {
                if (inWord) {
                    args.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        cur.append("\\".repeat(backslashes));
        if (inWord) {
            args.add(cur.toString());
        }
        return args;
    }
}
