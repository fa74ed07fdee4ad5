package dev.cctelemetry.hooks.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaudeSettingsLocatorTest {

    private final Path home = Path.of("/home/u");
    private final Path cwd = Path.of("/work/project");

    @Test
    void userScopeDefaultsToDotClaudeUnderHome() {
        assertThat(new ClaudeSettingsLocator(Map.of(), home, cwd).locate(SettingsScope.USER))
                .isEqualTo(Path.of("/home/u/.claude/settings.json"));
    }

    @Test
    void userScopeFollowsClaudeConfigDir() {
        var locator = new ClaudeSettingsLocator(Map.of("CLAUDE_CONFIG_DIR", "/opt/claude-work"), home, cwd);

        assertThat(locator.locate(SettingsScope.USER)).isEqualTo(Path.of("/opt/claude-work/settings.json"));
    }

    @Test
    void blankClaudeConfigDirIsIgnored() {
        var locator = new ClaudeSettingsLocator(Map.of("CLAUDE_CONFIG_DIR", "  "), home, cwd);

        assertThat(locator.locate(SettingsScope.USER)).isEqualTo(Path.of("/home/u/.claude/settings.json"));
    }

    @Test
    void claudeConfigDirListIsRefusedWithAClearMessage() {
        var locator = new ClaudeSettingsLocator(Map.of("CLAUDE_CONFIG_DIR", "/a,/b"), home, cwd);

        assertThatThrownBy(() -> locator.locate(SettingsScope.USER))
                .isInstanceOf(ClaudeSettingsException.class)
                .hasMessageContaining("CLAUDE_CONFIG_DIR")
                .hasMessageContaining("single directory");
    }

    @Test
    void userStateFileIsBesideDotClaudeUnlessClaudeConfigDirMovesItInside() {
        // As ClaudeMcpTest pins for Claude Code 2.1.328: where 'claude mcp add --scope user' writes.
        assertThat(new ClaudeSettingsLocator(Map.of(), home, cwd).userState())
                .isEqualTo(Path.of("/home/u/.claude.json"));
        assertThat(new ClaudeSettingsLocator(Map.of("CLAUDE_CONFIG_DIR", "/opt/claude-work"), home, cwd).userState())
                .isEqualTo(Path.of("/opt/claude-work/.claude.json"));
    }

    @Test
    void localScopeIsSettingsLocalJsonInTheProject() {
        var locator = new ClaudeSettingsLocator(Map.of("CLAUDE_CONFIG_DIR", "/a,/b"), home, cwd);

        assertThat(locator.locate(SettingsScope.LOCAL)).isEqualTo(Path.of("/work/project/.claude/settings.local.json"));
    }
}
