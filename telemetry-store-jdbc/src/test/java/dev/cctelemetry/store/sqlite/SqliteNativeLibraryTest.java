package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sqlite.util.OSInfo;

class SqliteNativeLibraryTest {

    @Test
    void namesTheDriversOwnFolderForThisMachine() {
        // The folder the driver itself would pick (after running uname -o on Linux): a wrong one would load no
        // library, or the wrong one, and no ledger would open.
        assertThat(SqliteNativeLibrary.nativeFolder()).isEqualTo(OSInfo.getNativeLibFolderPathForCurrentOS());
    }

    @Test
    void tellsMuslAsTheDriverDoesForThisProcess() throws Exception {
        Path maps = Path.of("/proc/self/maps");
        if (Files.isReadable(maps)) {
            assertThat(SqliteNativeLibrary.mapsMusl(Files.readString(maps, StandardCharsets.ISO_8859_1)))
                    .isEqualTo(OSInfo.isMusl());
        }
    }

    @Test
    void findsMuslOnlyInTheMappedFilesPaths() {
        String glibc = """
                55d0c0a00000-55d0c0a01000 r--p 00000000 08:01 1312       /usr/lib/jvm/java-17/bin/java
                7f2a1c000000-7f2a1c021000 rw-p 00000000 00:00 0
                7f2a1d200000-7f2a1d228000 r--p 00000000 08:01 2231       /usr/lib/x86_64-linux-gnu/libc.so.6
                7ffd3a5f1000-7ffd3a612000 rw-p 00000000 00:00 0          [stack]
                """;
        String musl = """
                55d0c0a00000-55d0c0a01000 r--p 00000000 08:01 1312       /usr/lib/jvm/java-17/bin/java
                7f2a1c000000-7f2a1c021000 rw-p 00000000 00:00 0
                7f2a1d200000-7f2a1d228000 r-xp 00000000 08:01 2231       /lib/ld-MUSL-x86_64.so.1""";
        assertThat(SqliteNativeLibrary.mapsMusl(glibc)).isFalse();
        assertThat(SqliteNativeLibrary.mapsMusl(musl)).isTrue();
        assertThat(SqliteNativeLibrary.mapsMusl("")).isFalse();
        // "musl" in a field before the path (never so in a real map) or in a named anonymous mapping is not a file
        assertThat(SqliteNativeLibrary.mapsMusl("7f2a1c000000-7f2a1c021000 rw-p 00000000 00:00 0   [anon:musl]\n"))
                .isFalse();
    }

    @Test
    void namesTheCommonCpusAsTheDriverDoes() {
        assertThat(SqliteNativeLibrary.commonArch("amd64")).contains("x86_64");
        assertThat(SqliteNativeLibrary.commonArch("x86_64")).contains("x86_64");
        assertThat(SqliteNativeLibrary.commonArch("aarch64")).contains("aarch64");
        // anything else is left to the driver's OSInfo (ARM's float-ABI probe, x86, ppc64 ...)
        assertThat(SqliteNativeLibrary.commonArch("arm")).isEmpty();
        assertThat(SqliteNativeLibrary.commonArch("x86")).isEmpty();
        assertThat(SqliteNativeLibrary.commonArch("ppc64le")).isEmpty();
        SqliteNativeLibrary.commonArch(System.getProperty("os.arch"))
                .ifPresent(a -> assertThat(a).isEqualTo(OSInfo.getArchName()));
    }
}
