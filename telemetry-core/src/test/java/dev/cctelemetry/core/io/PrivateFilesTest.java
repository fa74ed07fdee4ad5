package dev.cctelemetry.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.testing.FileCreationTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateFilesTest {

    @TempDir
    Path dir;

    /**
     * The mode is checked on the system call that creates each file and folder (strace, see
     * {@link FileCreationTrace} for why a check made afterwards cannot fail on the bug), under the usual umask
     * and a group-friendly one.
     */
    @ParameterizedTest
    @ValueSource(strings = {"022", "002"})
    void stateFilesLockFilesAndTheirFoldersAreOwnerOnlyFromTheCallThatCreatesThem(String umask) throws Exception {
        FileCreationTrace.assumeAvailable();
        Path home = dir.resolve("home");
        List<FileCreationTrace.Creation> created = FileCreationTrace.run(dir, umask, Map.of(),
                FileCreationTrace.javaMain(PrivateStateWriter.class, home.toString()));

        assertThat(created).extracting(c -> dir.relativize(c.path()).toString().replaceAll("\\.status\\.json\\..*",
                ".status.json.<tmp>")).contains("home", "home/state", "home/state/push",
                "home/state/push/.status.json.<tmp>", "home/locks", "home/locks/sync.lock", "home/locks/empty");
        assertThat(created).noneMatch(FileCreationTrace.Creation::openToOthers);
        assertThat(mode(home.resolve("state/push/status.json"))).isEqualTo("rw-------");
        assertThat(mode(home.resolve("state/push"))).isEqualTo("rwx------");
        assertThat(mode(home.resolve("locks/sync.lock"))).isEqualTo("rw-------");
    }

    @Test
    void restrictTakesGroupAndOtherPermissionsAwayOnceAndLeavesTheOwnersAlone() throws Exception {
        Path file = Files.writeString(dir.resolve("telemetry.db"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--rw-"));
        Path folder = Files.createDirectory(dir.resolve("logs"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(PrivateFiles.isOpenToOthers(file)).isTrue();
        assertThat(PrivateFiles.restrict(file)).isTrue();
        assertThat(PrivateFiles.restrict(folder)).isTrue();
        assertThat(mode(file)).isEqualTo("r--------");
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(PrivateFiles.restrict(file)).isFalse();
        assertThat(PrivateFiles.isOpenToOthers(file)).isFalse();
    }

    @Test
    void restrictLeavesTheTargetOfASymlinkAlone() throws Exception {
        Path outside = Files.writeString(dir.resolve("shared.txt"), "not ours");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), outside);

        assertThat(PrivateFiles.restrict(link)).isFalse();
        assertThat(mode(outside)).isEqualTo("rw-r--r--");
    }

    @Test
    void createDirectoriesLeavesExistingFoldersAsTheyAre() throws Exception {
        Path existing = Files.createDirectory(dir.resolve("existing"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));

        PrivateFiles.createDirectories(existing.resolve("a/b"));

        assertThat(mode(existing)).isEqualTo("rwxr-xr-x");
        assertThat(mode(existing.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(existing.resolve("a/b"))).isEqualTo("rwx------");
    }

    @Test
    void windowsAccessListAllowsTheOwnerAloneAndFoldersPassItOn() {
        UserPrincipal alice = () -> "DESKTOP\\alice";

        List<AclEntry> file = PrivateFiles.ownerOnlyAcl(alice, false);
        List<AclEntry> folder = PrivateFiles.ownerOnlyAcl(alice, true);

        assertThat(file).singleElement().satisfies(e -> {
            assertThat(e.principal()).isSameAs(alice);
            assertThat(e.type()).isEqualTo(AclEntryType.ALLOW);
            assertThat(e.permissions()).isEqualTo(EnumSet.allOf(AclEntryPermission.class));
            assertThat(e.flags()).isEmpty();
        });
        assertThat(folder).singleElement().satisfies(e -> assertThat(e.flags())
                .containsExactlyInAnyOrder(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT));
    }

    @Test
    void anExistingInstallIsMadePrivateOnceAndSymlinksAreLeftAlone() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path logs = Files.createDirectories(home.resolve("logs"));
        Path ledger = Files.writeString(home.resolve("telemetry.db"), "x");
        Path log = Files.writeString(logs.resolve("daemon.log.1"), "x");
        Path outside = Files.writeString(dir.resolve("elsewhere.txt"), "x");
        Files.createSymbolicLink(home.resolve("link"), outside);
        for (Path p : List.of(home, logs, ledger, log, outside)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x"
                    : "rw-r--r--"));
        }

        PrivateTree.Outcome first = PrivateTree.restrict(home);
        PrivateTree.Outcome second = PrivateTree.restrict(home);

        assertThat(first.fixed()).containsExactlyInAnyOrder(home, logs, ledger, log);
        assertThat(first.failed()).isEmpty();
        assertThat(second.alreadyPrivate()).isTrue();
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(log)).isEqualTo("rw-------");
        assertThat(mode(outside)).isEqualTo("rw-r--r--");
        assertThat(PrivateTree.restrict(dir.resolve("missing")).alreadyPrivate()).isTrue();
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
