package dev.cctelemetry.hooks.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class HookSettingsMergerTest {

    private static final HookRegistration REG =
            new HookRegistration("/h/cc-telemetry-stop.sh", "/h/cc-telemetry-session-end.sh");

    private final HookSettingsMerger merger = new HookSettingsMerger();
    private final ObjectMapper mapper = new ObjectMapper();

    private ObjectNode json(String text) throws JsonProcessingException {
        return (ObjectNode) mapper.readTree(text.replace('\'', '"'));
    }

    @Test
    void installWritesTheDocumentedShapeWithNoExtraKeys() throws Exception {
        ObjectNode result = merger.install(json("{}"), REG);

        assertThat(result).isEqualTo(json("""
                {'hooks':{
                  'Stop':[{'hooks':[{'type':'command','command':'/h/cc-telemetry-stop.sh'}]}],
                  'SessionEnd':[{'hooks':[{'type':'command','command':'/h/cc-telemetry-session-end.sh','timeout':10}]}]}}
                """));
    }

    @Test
    void installDoesNotModifyItsInput() throws Exception {
        ObjectNode input = json("{'model':'opus'}");

        merger.install(input, REG);

        assertThat(input).isEqualTo(json("{'model':'opus'}"));
    }

    @Test
    void installIsIdempotent() throws Exception {
        ObjectNode once = merger.install(json("{'hooks':{'Stop':[{'hooks':[{'type':'command','command':'x'}]}]}}"), REG);

        assertThat(merger.install(once, REG)).isEqualTo(once);
    }

    @Test
    void duplicatesOfOurHandlerAreCollapsedIntoTheFirst() throws Exception {
        ObjectNode settings = json("""
                {'hooks':{'Stop':[
                  {'hooks':[{'type':'command','command':'a'},{'type':'command','command':'/old/cc-telemetry-stop.sh'}]},
                  {'hooks':[{'type':'command','command':'/older/cc-telemetry-stop.ps1'}]}]}}
                """);

        ObjectNode result = merger.install(settings, REG);

        assertThat(result.get("hooks").get("Stop")).isEqualTo(json("""
                {'x':[{'hooks':[{'type':'command','command':'a'},{'type':'command','command':'/h/cc-telemetry-stop.sh'}]}]}
                """).get("x"));
    }

    @Test
    void oddlyShapedGroupsOfOthersAreLeftAlone() throws Exception {
        ObjectNode settings = json("{'hooks':{'Stop':['weird',{'matcher':'*'},{'hooks':[42]}]}}");

        ObjectNode result = merger.install(settings, REG);

        assertThat(result.get("hooks").get("Stop")).hasSize(4);
        assertThat(merger.remove(result)).isEqualTo(settings);
    }

    @Test
    void removeKeepsAnEmptyHooksObjectItDidNotEmpty() throws Exception {
        assertThat(merger.remove(json("{'hooks':{}}"))).isEqualTo(json("{'hooks':{}}"));
        assertThat(merger.remove(json("{'hooks':{'Stop':[]}}"))).isEqualTo(json("{'hooks':{'Stop':[]}}"));
    }

    @Test
    void removeKeepsOtherHandlersOfAGroupAndOtherEvents() throws Exception {
        ObjectNode settings = json("""
                {'hooks':{
                  'Stop':[{'hooks':[{'type':'command','command':'a'},{'type':'command','command':'/x/cc-telemetry-stop.sh'}]}],
                  'SessionEnd':[{'hooks':[{'type':'command','command':'/x/cc-telemetry-session-end.sh'}]}],
                  'PreToolUse':[{'matcher':'Bash','hooks':[{'type':'command','command':'g'}]}]}}
                """);

        assertThat(merger.remove(settings)).isEqualTo(json("""
                {'hooks':{
                  'Stop':[{'hooks':[{'type':'command','command':'a'}]}],
                  'PreToolUse':[{'matcher':'Bash','hooks':[{'type':'command','command':'g'}]}]}}
                """));
    }

    @Test
    void hooksThatIsNotAnObjectIsRefused() throws Exception {
        assertThatThrownBy(() -> merger.install(json("{'hooks':'none'}"), REG))
                .isInstanceOf(ClaudeSettingsException.class)
                .hasMessageContaining("\"hooks\" is a string");
    }

    @Test
    void registrationRequiresOurScriptNamesSoEntriesCanBeFoundAgain() {
        assertThatThrownBy(() -> new HookRegistration("/h/stop.sh", "/h/cc-telemetry-session-end.sh"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cc-telemetry-stop.");
        assertThatThrownBy(() -> new HookRegistration("/h/cc-telemetry-stop.sh", "/h/cc-telemetry-session-end.sh", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
