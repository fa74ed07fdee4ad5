package dev.cctelemetry.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptDiscoveryTest {

    @TempDir
    Path tmp;

    private static void touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "{}\n");
    }

    @Test
    void findsEverySubagentLayoutAndAttributesSessions() throws IOException {
        Path root = tmp.resolve("claude");
        Path proj = root.resolve("projects/-home-u-app");
        touch(proj.resolve("s1.jsonl"));
        touch(proj.resolve("agent-a1b2.jsonl"));
        touch(proj.resolve("s1/subagents/agent-x.jsonl"));
        touch(proj.resolve("s1/subagents/agent-x.meta.json"));
        var files = new TranscriptDiscovery().discover(List.of(new ClaudeRoot(root))).files();
        assertThat(files).extracting(f -> root.resolve("projects").relativize(f.path()).toString())
                .containsExactly("-home-u-app/agent-a1b2.jsonl", "-home-u-app/s1.jsonl",
                        "-home-u-app/s1/subagents/agent-x.jsonl");
        assertThat(files).extracting(TranscriptFile::pathSessionId).containsExactly("agent-a1b2", "s1", "s1");
        assertThat(files).extracting(TranscriptFile::projectDir).containsOnly("-home-u-app");
    }

    @Test
    void theWalkDescribesEveryFileAsTheSingleFileDescriptionDoes() throws IOException {
        Path root = tmp.resolve("claude");
        Path projects = root.resolve("projects");
        List<String> layouts = List.of("top.jsonl", "-p/s.jsonl", "-p/subagents/agent-1.jsonl",
                "-p/s/subagents/agent-2.jsonl", "-p/s/x/subagents/agent-3.jsonl", "-p/s/subagents/deeper/a.jsonl",
                "-p/sessions/backup.jsonl", "-q/s2/subagents/agent-4.jsonl", "-q/no.dots", "-q/.jsonl");
        for (String l : layouts) {
            touch(projects.resolve(l));
        }
        ClaudeRoot claude = new ClaudeRoot(root);
        var files = new TranscriptDiscovery().discover(List.of(claude)).files();
        assertThat(files).hasSize(9);
        for (TranscriptFile f : files) {
            var attrs = Files.readAttributes(f.path(), java.nio.file.attribute.BasicFileAttributes.class);
            assertThat(f).isEqualTo(TranscriptDiscovery.describe(claude, projects, f.path(), attrs));
        }
        assertThat(files).extracting(f -> projects.relativize(f.path()) + " " + f.projectDir() + " "
                + f.pathSessionId()).contains("-p/subagents/agent-1.jsonl -p agent-1",
                "-p/s/subagents/agent-2.jsonl -p s", "-p/s/x/subagents/agent-3.jsonl -p x", "top.jsonl  top");
    }

    @Test
    void manyProjectsWalkedByTwoThreadsAreFoundOnceEachWhateverTheLinksBetweenThem() throws IOException {
        Path root = tmp.resolve("claude");
        Path projects = root.resolve("projects");
        java.util.Set<String> expected = new java.util.TreeSet<>();
        for (int p = 0; p < 40; p++) {
            for (int s = 0; s < 3; s++) {
                String rel = "-p" + p + "/s" + s + ".jsonl";
                touch(projects.resolve(rel));
                expected.add(rel);
            }
            touch(projects.resolve("-p" + p + "/s0/subagents/agent-" + p + ".jsonl"));
            expected.add("-p" + p + "/s0/subagents/agent-" + p + ".jsonl");
        }
        // Links from the first half into the second and back, and a loop: each folder is read once.
        Files.createSymbolicLink(projects.resolve("-p1/to-39"), projects.resolve("-p39/s0"));
        Files.createSymbolicLink(projects.resolve("-p38/to-2"), projects.resolve("-p2/s0"));
        Files.createSymbolicLink(projects.resolve("-p5/s0/subagents/loop"), projects.resolve("-p5"));
        var files = new TranscriptDiscovery().discover(List.of(new ClaudeRoot(root))).files();
        java.util.List<String> found = files.stream().map(f -> projects.relativize(f.path()).toString()
                .replace("-p1/to-39/", "-p39/s0/").replace("-p38/to-2/", "-p2/s0/")).sorted().toList();
        assertThat(found).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
    }

    @Test
    void symlinksAreFollowedOnlyInsideRootsAndLoopsEnd() throws IOException {
        Path root = tmp.resolve("claude");
        Path proj = root.resolve("projects/-p");
        touch(proj.resolve("a.jsonl"));
        Path outside = tmp.resolve("outside/secret.jsonl");
        touch(outside);
        Files.createSymbolicLink(proj.resolve("leak.jsonl"), outside);
        Files.createSymbolicLink(proj.resolve("loop"), root.resolve("projects"));
        Files.createSymbolicLink(proj.resolve("alias.jsonl"), proj.resolve("a.jsonl"));
        var files = new TranscriptDiscovery().discover(List.of(new ClaudeRoot(root))).files();
        assertThat(files).extracting(f -> f.path().getFileName().toString())
                .contains("a.jsonl", "alias.jsonl").doesNotContain("secret.jsonl", "leak.jsonl");
    }

    @Test
    void aFileReplacedByADirectoryIsWalkedNotRead() throws IOException {
        Path root = tmp.resolve("claude");
        Files.createDirectories(root.resolve("projects/-p/weird.jsonl"));
        touch(root.resolve("projects/-p/weird.jsonl/inner.jsonl"));
        var files = new TranscriptDiscovery().discover(List.of(new ClaudeRoot(root))).files();
        assertThat(files).extracting(f -> f.path().getFileName().toString()).containsExactly("inner.jsonl");
    }

    @Test
    void namedProjectFoldersLimitTheWalkAndCannotLeaveProjects() throws IOException {
        Path root = tmp.resolve("claude");
        touch(root.resolve("projects/-a/s1.jsonl"));
        touch(root.resolve("projects/-a/s1/subagents/agent-x.jsonl"));
        touch(root.resolve("projects/-b/s2.jsonl"));
        touch(tmp.resolve("elsewhere/evil.jsonl"));
        var only = new TranscriptDiscovery().discover(List.of(new ClaudeRoot(root)), java.util.Set.of("-a")).files();
        assertThat(only).extracting(f -> f.path().getFileName().toString())
                .containsExactly("s1.jsonl", "agent-x.jsonl");
        assertThat(new TranscriptDiscovery().discover(List.of(new ClaudeRoot(root)),
                java.util.Set.of("../../elsewhere", "..", "-missing")).files()).isEmpty();
    }
}
