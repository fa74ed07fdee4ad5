package dev.cctelemetry.platform.unix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.ServiceDefinition;
import dev.cctelemetry.core.port.out.ServicePlan;
import dev.cctelemetry.testing.RequiredInCi;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class ServiceInstallersTest {

    @TempDir
    Path tmp;

    private ServiceDefinition definition() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Spaces, a percent sign and a dollar: all must survive the unit's quoting rules.
        Path home = tmp.resolve("user home");
        return new ServiceDefinition(java, home.resolve(".claude-telemetry/lib/cc-telemetry 0.1.jar"),
                List.of("daemon"), home, home.resolve(".claude-telemetry"),
                Map.of("CC_TELEMETRY_HOME", home.resolve(".claude-telemetry 100%$x").toString()), "",
                List.of("-XX:+UseSerialGC", "-Xmx128m"));
    }

    @Test
    void systemdUnitPassesSystemdAnalyzeVerify() throws Exception {
        RequiredInCi.assumeAvailable(ProgramLookup.onPath("systemd-analyze", System.getenv()),
                "systemd-analyze not installed (Debian package systemd)");
        ServicePlan plan = new SystemdUserUnitInstaller().plan(definition());
        assertThat(plan.file()).isEqualTo(tmp.resolve("user home/.config/systemd/user/cc-telemetry.service"));
        Files.createDirectories(definition().telemetryHome());
        Path unit = tmp.resolve(SystemdUserUnitInstaller.UNIT);
        Files.writeString(unit, plan.content());
        Process p = new ProcessBuilder("systemd-analyze", "verify", unit.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).as(plan.content()).doesNotContain(SystemdUserUnitInstaller.UNIT);
        assertThat(plan.content()).contains("Restart=on-failure").contains("WantedBy=default.target")
                .contains("ExecStart=\"" + definition().javaExecutable() + "\" \"-XX:+UseSerialGC\" \"-Xmx128m\" \"-jar\"")
                .contains("100%%$$x");
    }

    @Test
    void aBrokenUnitFailsTheSameVerification() throws Exception {
        RequiredInCi.assumeAvailable(ProgramLookup.onPath("systemd-analyze", System.getenv()),
                "systemd-analyze not installed (Debian package systemd)");
        ServiceDefinition d = definition();
        ServiceDefinition missingJava = new ServiceDefinition(tmp.resolve("no/java"), d.jar(), d.arguments(),
                d.userHome(), d.telemetryHome(), d.environment(), "");
        Path unit = tmp.resolve(SystemdUserUnitInstaller.UNIT);
        Files.writeString(unit, new SystemdUserUnitInstaller().plan(missingJava).content());
        Process p = new ProcessBuilder("systemd-analyze", "verify", unit.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
    }

    @Test
    void systemdCommandsAreTheUserManagersAndNeedABus() {
        ServicePlan plan = new SystemdUserUnitInstaller().plan(definition());
        assertThat(plan.activate()).containsExactly(List.of("systemctl", "--user", "daemon-reload"),
                List.of("systemctl", "--user", "enable", "--now", "cc-telemetry.service"));
        assertThat(plan.deactivate()).containsExactly(
                List.of("systemctl", "--user", "disable", "--now", "cc-telemetry.service"));
        assertThat(new SystemdUserUnitInstaller().canRunCommands(Map.of("PATH", tmp.toString()))).isFalse();
    }

    @Test
    void launchAgentIsAValidPropertyList() throws Exception {
        ServicePlan plan = new LaunchAgentInstaller().plan(definition());
        assertThat(plan.file()).isEqualTo(
                tmp.resolve("user home/Library/LaunchAgents/dev.cctelemetry.daemon.plist"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setValidating(false);
        // The DOCTYPE names Apple's DTD by URL: never fetch it, check the structure below instead.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        Document doc = b.parse(new ByteArrayInputStream(plan.content().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDoctype().getPublicId()).isEqualTo("-//Apple//DTD PLIST 1.0//EN");
        Element plist = doc.getDocumentElement();
        assertThat(plist.getTagName()).isEqualTo("plist");
        assertThat(plist.getAttribute("version")).isEqualTo("1.0");
        List<Element> top = children(plist);
        assertThat(top).hasSize(1).first().extracting(Element::getTagName).isEqualTo("dict");
        Map<String, Element> dict = dict(top.get(0));
        assertThat(dict.keySet()).containsExactly("Label", "ProgramArguments", "WorkingDirectory",
                "EnvironmentVariables", "RunAtLoad", "KeepAlive", "ThrottleInterval", "ProcessType",
                "StandardErrorPath");
        assertThat(dict.get("Label").getTextContent()).isEqualTo("dev.cctelemetry.daemon");
        assertThat(children(dict.get("ProgramArguments"))).extracting(Element::getTextContent).containsExactly(
                definition().javaExecutable().toString(), "-XX:+UseSerialGC", "-Xmx128m", "-jar",
                definition().jar().toString(), "daemon");
        assertThat(dict.get("RunAtLoad").getTagName()).isEqualTo("true");
        assertThat(dict(dict.get("KeepAlive")).get("SuccessfulExit").getTagName()).isEqualTo("false");
        assertThat(dict.get("ThrottleInterval").getTagName()).isEqualTo("integer");
        assertThat(Integer.parseInt(dict.get("ThrottleInterval").getTextContent())).isPositive();
        assertThat(dict(dict.get("EnvironmentVariables")).get("CC_TELEMETRY_HOME").getTextContent())
                .endsWith(".claude-telemetry 100%$x");
        assertThat(plan.activate()).containsExactly(List.of("launchctl", "load", "-w", plan.file().toString()));
    }

    /** A plist dict's entries: alternating key and value elements, keys unique, every value a plist type. */
    private static Map<String, Element> dict(Element dict) {
        assertThat(dict.getTagName()).isEqualTo("dict");
        List<Element> c = children(dict);
        assertThat(c.size() % 2).isZero();
        Map<String, Element> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < c.size(); i += 2) {
            assertThat(c.get(i).getTagName()).isEqualTo("key");
            assertThat(c.get(i + 1).getTagName()).isIn("string", "array", "dict", "true", "false", "integer",
                    "real", "date", "data");
            assertThat(m.put(c.get(i).getTextContent(), c.get(i + 1))).isNull();
        }
        return m;
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                out.add(el);
            } else if (n.getNodeType() == Node.TEXT_NODE) {
                assertThat(n.getTextContent().isBlank()).as("stray text in %s", e.getTagName()).isTrue();
            }
        }
        return out;
    }

    /** Issue 17.2: doctor reads the jar back from the unit or plist to say when it is gone. */
    @Test
    void theJarIsReadBackFromTheFileEachInstallerWrote() {
        ServiceDefinition d = definition();
        Path odd = tmp.resolve("a \"b\" 100%$x & <y>\\z/lib/cc-telemetry 0.1.jar");
        ServiceDefinition oddJar = new ServiceDefinition(d.javaExecutable(), odd, d.arguments(), d.userHome(),
                d.telemetryHome(), d.environment(), d.userId(), d.jvmOptions());
        for (dev.cctelemetry.core.port.out.ServiceInstaller installer : List.of(new SystemdUserUnitInstaller(),
                new LaunchAgentInstaller())) {
            assertThat(installer.jarIn(installer.plan(d).content())).contains(d.jar());
            assertThat(installer.jarIn(installer.plan(oddJar).content())).contains(odd);
            assertThat(installer.jarIn("")).isEmpty();
        }
    }

    /** Issue 19.11: a stop by SIGTERM is a clean stop, not a failure to restart from. */
    @Test
    void theUnitCountsExit143AsSuccess() {
        assertThat(new SystemdUserUnitInstaller().plan(definition()).content()).contains("\nSuccessExitStatus=143\n");
    }
}
