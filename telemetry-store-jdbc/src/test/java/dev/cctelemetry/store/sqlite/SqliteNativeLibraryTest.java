package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sqlite.util.OSInfo;

class SqliteNativeLibraryTest {

    @Test
    void namesTheDriversOwnFolderForThisMachine() {
        // The folder the driver itself would pick (after running uname -o on Linux): a wrong one would load no
        // library, or the wrong one, and no ledger would open.
        assertThat(SqliteNativeLibrary.nativeFolder()).isEqualTo(OSInfo.getNativeLibFolderPathForCurrentOS());
    }
}
