package dev.cctelemetry.hooks.worker;

import dev.cctelemetry.core.transcript.ClaudeRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the files of one session (see {@link SessionFiles}), given its validated main transcript or, when the
 * payload had none, by searching {@code projects/*}{@code /<session>.jsonl} under the roots.
 *
 * <p>Covers the three subagent layouts Claude Code has used: lines inline in the main file (nothing extra to
 * find), flat {@code agent-*.jsonl} files next to it whose lines carry the parent's {@code sessionId}, and
 * {@code <session>/subagents/**.jsonl}. Only regular files are taken, never symlinks, so nothing outside the
 * session's project folder is read.
 */
public final class SessionFileSelector {

    private static final Logger log = LoggerFactory.getLogger(SessionFileSelector.class);
    /** Bytes of a flat agent file searched for the session id: its first lines carry it. */
    static final int HEAD_BYTES = 16 * 1024;
    /** {@code <session>/subagents/} and one more level ({@code workflows/<wf>/}) is all Claude Code writes. */
    private static final int SUBAGENT_DEPTH = 4;

    /**
     * The files of a session whose main transcript is known.
     *
     * @param root the root holding it
     * @param mainTranscript the main transcript, real path (as accepted by {@link TranscriptPathGuard})
     * @param sessionId a validated session id
     */
    public SessionFiles forTranscript(ClaudeRoot root, Path mainTranscript, String sessionId) {
        requireSessionId(sessionId);
        List<Path> files = new ArrayList<>();
        files.add(mainTranscript);
        Path projectDir = mainTranscript.getParent();
        addSubagentFiles(projectDir.resolve(sessionId).resolve("subagents"), files);
        addFlatAgentFiles(projectDir, sessionId, files);
        return new SessionFiles(List.of(root), List.of(mainTranscript), files);
    }

    /** The files of a session found by its id alone; {@link SessionFiles#none()} when no root has it. */
    public SessionFiles search(List<ClaudeRoot> roots, String sessionId) {
        requireSessionId(sessionId);
        List<ClaudeRoot> found = new ArrayList<>();
        List<Path> mains = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (TranscriptPathGuard.Projects projects : TranscriptPathGuard.projects(roots)) {
            if (projects.real().isEmpty()) {
                continue;
            }
            Path projectsReal = projects.real().get();
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(projectsReal, Files::isDirectory)) {
                for (Path dir : dirs) {
                    // The session id is a validated UUID, so this resolve cannot leave the directory.
                    Path candidate = dir.resolve(sessionId + ".jsonl");
                    if (!Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
                        continue;
                    }
                    Path real = candidate.toRealPath();
                    if (!real.startsWith(projectsReal)) {
                        continue; // the project dir itself was a link out of the root
                    }
                    SessionFiles one = forTranscript(projects.root(), real, sessionId);
                    if (!found.contains(projects.root())) {
                        found.add(projects.root());
                    }
                    mains.addAll(one.mainTranscripts());
                    files.addAll(one.files());
                }
            } catch (IOException e) {
                log.debug("cannot search {}: {}", projectsReal, e.toString());
            }
        }
        return new SessionFiles(found, mains, files);
    }

    private static void addSubagentFiles(Path subagents, List<Path> out) {
        if (!Files.isDirectory(subagents, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(subagents, SUBAGENT_DEPTH)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .forEach(out::add);
        } catch (IOException | RuntimeException e) {
            log.debug("cannot list {}: {}", subagents, e.toString());
        }
    }

    private static void addFlatAgentFiles(Path projectDir, String sessionId, List<Path> out) {
        List<Path> mine = new ArrayList<>();
        try (DirectoryStream<Path> agents = Files.newDirectoryStream(projectDir, "agent-*.jsonl")) {
            for (Path p : agents) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && headMentions(p, sessionId)) {
                    mine.add(p);
                }
            }
        } catch (IOException e) {
            log.debug("cannot list {}: {}", projectDir, e.toString());
        }
        mine.sort(null);
        out.addAll(mine);
    }

    /** Whether the first bytes of a flat agent file carry {@code "sessionId":"<id>"} (Claude writes compact JSON). */
    static boolean headMentions(Path file, String sessionId) {
        byte[] head = new byte[HEAD_BYTES];
        int n = 0;
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return false;
        }
        String text = new String(head, 0, n, StandardCharsets.UTF_8);
        return text.contains("\"sessionId\":\"" + sessionId + "\"")
                || text.contains("\"sessionId\": \"" + sessionId + "\"");
    }

    private static void requireSessionId(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId is null");
        if (!SessionId.isValid(sessionId)) {
            throw new IllegalArgumentException("session id is not a UUID");
        }
    }
}
