package dev.cctelemetry.platform.unix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.LaunchSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SetsidDetacherTest {

    @TempDir
    Path tmp;

    @Test
    void commandTravelsAsPositionalParametersNotInTheLauncherText() {
        String[] args = SetsidDetacher.commandLine(List.of("/x/java", "a b", "$(boom)")).getArguments();
        assertThat(args).containsExactly("-c", SetsidDetacher.LAUNCHER, "/x/java", "a b", "$(boom)");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void startedProcessHasItsOwnSessionNullStdioExactArgsAndEnv() throws Exception {
        Path report = tmp.resolve("report.txt");
        Path probe = tmp.resolve("probe dir 'q'").resolve("probe.sh");
        Files.createDirectories(probe.getParent());
        // Writes to a temp name then renames, so the test never reads a half-written report.
        Files.writeString(probe, """
                #!/bin/sh
                out="$1"; shift
                fds="fd0=$(readlink /proc/$$/fd/0) fd1=$(readlink /proc/$$/fd/1) fd2=$(readlink /proc/$$/fd/2)"
                {
                  for a in "$@"; do printf 'arg=%s\\n' "$a"; done
                  printf 'env=%s\\n' "$CCT_PROBE"
                  printf 'cwd=%s\\n' "$(pwd)"
                  printf 'sid=%s pid=%s\\n' "$(cut -d' ' -f6 /proc/$$/stat)" "$$"
                  printf '%s\\n' "$fds"
                } > "$out.tmp"
                mv "$out.tmp" "$out"
                """);
        Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwx------"));

        new SetsidDetacher().start(new LaunchSpec(
                List.of(probe.toString(), report.toString(), "a b", "$(touch pwned)", "${HOME}", "it's"),
                tmp, Map.of("CCT_PROBE", "value with spaces")));

        long end = System.nanoTime() + 10_000_000_000L;
        while (!Files.exists(report) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        List<String> lines = Files.readAllLines(report);
        assertThat(lines).startsWith("arg=a b", "arg=$(touch pwned)", "arg=${HOME}", "arg=it's",
                "env=value with spaces", "cwd=" + tmp.toRealPath());
        String[] ids = lines.get(6).split(" ");
        assertThat(ids[0].substring(4)).as("session leader").isEqualTo(ids[1].substring(4));
        assertThat(lines.get(7)).isEqualTo("fd0=/dev/null fd1=/dev/null fd2=/dev/null");
        assertThat(tmp.resolve("pwned")).doesNotExist();
    }
}
