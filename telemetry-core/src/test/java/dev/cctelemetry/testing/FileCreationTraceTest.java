package dev.cctelemetry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FileCreationTraceTest {

    @Test
    void replayCountsFirstCreationsOnlyAndFollowsRenamesDeletesAndSplitCalls() {
        Set<String> existing = new HashSet<>(Set.of("/r", "/r/old.db"));
        List<String> trace = List.of(
                "10 openat(AT_FDCWD, \"/r/old.db\", O_RDWR|O_CREAT|O_CLOEXEC, 0644) = 5",
                "10 mkdir(\"/r/state\", 0700) = 0",
                "11 openat(AT_FDCWD, \"/r/state/.x.tmp\", O_RDWR|O_CREAT|O_EXCL, 0600 <unfinished ...>",
                "10 openat(AT_FDCWD, \"/elsewhere/f\", O_WRONLY|O_CREAT, 0666) = 6",
                "11 <... openat resumed>) = 7",
                "11 rename(\"/r/state/.x.tmp\", \"/r/state/x\") = 0",
                "11 openat(AT_FDCWD, \"/r/state/x\", O_WRONLY|O_CREAT|O_APPEND, 0666) = 8",
                "11 unlink(\"/r/state/x\") = 0",
                "11 openat(AT_FDCWD, \"/r/state/x\", O_WRONLY|O_CREAT|O_APPEND, 0666) = 8",
                "12 openat(AT_FDCWD, \"/r/read-only\", O_RDONLY) = 9");
        List<FileCreationTrace.Creation> created = FileCreationTrace.replay(trace, "/r", existing);
        assertThat(created).extracting(c -> c.path().toString() + " " + Integer.toOctalString(c.mode()))
                .containsExactly("/r/state 700", "/r/state/.x.tmp 600", "/r/state/x 666");
        assertThat(created).extracting(FileCreationTrace.Creation::openToOthers).containsExactly(false, false, true);
    }
}
