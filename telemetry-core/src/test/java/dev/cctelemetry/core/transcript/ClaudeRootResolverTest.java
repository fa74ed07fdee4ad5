package dev.cctelemetry.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeRootResolverTest {

    @TempDir
    Path home;

    private Path root(String name) throws IOException {
        Path r = home.resolve(name);
        Files.createDirectories(r.resolve("projects"));
        return r;
    }

    @Test
    void commaSeparatedConfigDirsAreAllReadAndProjectsSuffixMeansItsParent() throws IOException {
        Path a = root("a");
        Path b = root("b");
        var r = new ClaudeRootResolver(Map.of("CLAUDE_CONFIG_DIR", a + " , " + b.resolve("projects") + ",,"), home)
                .resolve(List.of());
        assertThat(r.roots()).extracting(ClaudeRoot::dir).containsExactly(a, b);
        assertThat(r.explicit()).isTrue();
    }

    @Test
    void defaultsAreXdgThenDotClaudeKeepingOnlyThoseWithProjects() throws IOException {
        Path dot = root(".claude");
        var r = new ClaudeRootResolver(Map.of(), home).resolve(List.of());
        assertThat(r.roots()).extracting(ClaudeRoot::dir).containsExactly(dot);
        assertThat(r.explicit()).isFalse();
        Path xdg = root(".config/claude");
        assertThat(new ClaudeRootResolver(Map.of(), home).resolve(List.of()).roots())
                .extracting(ClaudeRoot::dir).containsExactly(xdg, dot);
    }

    @Test
    void explicitDirsOverrideTheEnvironmentAndReportMissingOnes() throws IOException {
        Path a = root("a");
        var r = new ClaudeRootResolver(Map.of("CLAUDE_CONFIG_DIR", a.toString()), home)
                .resolve(List.of(home.resolve("nope")));
        assertThat(r.roots()).isEmpty();
        assertThat(r.missing()).containsExactly(home.resolve("nope"));
    }
}
