package dev.cctelemetry.platform.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.ServiceDefinition;
import dev.cctelemetry.core.port.out.ServicePlan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class TaskSchedulerInstallerTest {

    private static final ServiceDefinition DEF = new ServiceDefinition(
            Path.of("/C:/Program Files/Java/jdk-17/bin/java.exe"),
            Path.of("/C:/Users/Ann Lee/.claude-telemetry/lib/cc-telemetry.jar"), List.of("daemon"),
            Path.of("/C:/Users/Ann Lee"), Path.of("/C:/Users/Ann Lee/.claude-telemetry"),
            Map.of("CC_TELEMETRY_HOME", "ignored"), "DESK\\ann&lee");

    @Test
    void taskXmlMatchesTheGoldenFile() throws IOException {
        ServicePlan plan = new TaskSchedulerInstaller().plan(DEF);
        assertThat(plan.content()).isEqualTo(golden("golden-task.xml"));
        assertThat(plan.encoding()).isEqualTo(StandardCharsets.UTF_16);
        assertThat(plan.activate().get(0)).containsExactly("schtasks", "/Create", "/TN", "cc-telemetry-daemon",
                "/XML", plan.file().toString(), "/F");
    }

    @Test
    void taskXmlIsWellFormedInItsDeclaredEncoding() throws Exception {
        ServicePlan plan = new TaskSchedulerInstaller().plan(DEF);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(plan.content().getBytes(plan.encoding())));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("Task");
        assertThat(doc.getDocumentElement().getNamespaceURI())
                .isEqualTo("http://schemas.microsoft.com/windows/2004/02/mit/task");
        assertThat(doc.getElementsByTagName("LogonTrigger").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("UserId").item(0).getTextContent()).isEqualTo("DESK\\ann&lee");
        assertThat(doc.getElementsByTagName("Arguments").item(0).getTextContent())
                .isEqualTo("-jar \"" + DEF.jar() + "\" daemon");
    }

    @Test
    void argumentsRoundTripThroughWindowsQuotingRules() {
        assertThat(TaskSchedulerInstaller.commandLine(List.of("a", "b c", "", "say \"hi\"", "dir\\", "d\\ e\\")))
                .isEqualTo("a \"b c\" \"\" \"say \\\"hi\\\"\" dir\\ \"d\\ e\\\\\"");
        assertThat(TaskSchedulerInstaller.windowless(Path.of("/x/bin/java.exe"))).isEqualTo(Path.of("/x/bin/javaw.exe"));
    }

    /** Issue 17.2: doctor reads the jar back from the task to say when it is gone. */
    @Test
    void theJarIsReadBackFromTheTaskItWroteWhateverItsName() {
        TaskSchedulerInstaller installer = new TaskSchedulerInstaller();
        for (String jar : List.of("/C:/Users/Ann Lee/.claude-telemetry/lib/cc-telemetry.jar",
                "/C:/Users/a\\b \"q\" & <x>/lib/cc 1.jar", "/C:/plain/lib/x.jar")) {
            ServiceDefinition d = new ServiceDefinition(DEF.javaExecutable(), Path.of(jar), List.of("daemon"),
                    DEF.userHome(), DEF.telemetryHome(), Map.of(), "", List.of("-Xmx128m"));
            assertThat(installer.jarIn(installer.plan(d).content())).contains(Path.of(jar));
        }
        assertThat(installer.jarIn("<Task/>")).isEmpty();
        assertThat(TaskSchedulerInstaller.splitCommandLine("a \"b c\" \"\" \"say \\\"hi\\\"\" dir\\ \"d\\ e\\\\\""))
                .containsExactly("a", "b c", "", "say \"hi\"", "dir\\", "d\\ e\\");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = TaskSchedulerInstallerTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
