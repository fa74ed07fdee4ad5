package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.io.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Keeps sqlite-jdbc's native library in cc-telemetry's own folder. By default the driver copies a 1 MB library
 * into the temp folder on every start (and a killed process leaves it there): with a hook worker per Claude
 * Code turn that is both slow and litter. Extracted once per driver version, then loaded from there, through
 * the driver's documented {@code org.sqlite.lib.path} / {@code org.sqlite.lib.name} properties.
 */
public final class SqliteNativeLibrary {

    private static final Logger log = LoggerFactory.getLogger(SqliteNativeLibrary.class);

    private SqliteNativeLibrary() {
    }

    /**
     * {@link #useFolder}, then loads the native library and the driver's classes, so that a first connection
     * opened later (by another thread) finds them ready: what a process does on a second core while its first
     * builds the command line. Never throws; whatever fails here fails again, and is reported, on first use.
     *
     * @param nativeDir as for {@link #useFolder}
     */
    public static void preload(Path nativeDir) {
        useFolder(nativeDir);
        try {
            SQLiteJDBCLoader.initialize();
            new SQLiteConfig(); // its date formats and pragma tables are a good part of a first connection
        } catch (Exception | LinkageError e) {
            log.debug("could not preload the SQLite driver: {}", e.toString());
        }
    }

    /**
     * The driver's folder for this OS and CPU ({@code Linux/x86_64}), named as the driver's {@code OSInfo} names
     * it, without the check {@code OSInfo} makes for Termux on every Linux: {@code uname -o} in a child process,
     * 20-30 ms of each start. Android (Termux included) has a {@code /system} folder; where there is none, none of
     * {@code OSInfo}'s Android checks can hold and its name is the one for glibc or musl Linux. ARM (a float-ABI
     * probe), Android and other systems get {@code OSInfo}'s own answer.
     */
    static String nativeFolder() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (os.contains("Linux") && !arch.startsWith("arm") && !OSInfo.isAndroidRuntime()
                && !Files.exists(Path.of("/system"))) {
            return (OSInfo.isMusl() ? "Linux-Musl" : "Linux") + "/" + OSInfo.getArchName();
        }
        return OSInfo.getNativeLibFolderPathForCurrentOS();
    }

    /**
     * Points the driver at a copy of its native library under {@code nativeDir}, extracting it when absent.
     * Must run before the first connection. Any failure leaves the driver's own loading in place. Synchronized:
     * {@link #preload} may be running it on another thread.
     *
     * @param nativeDir e.g. {@code ~/.claude-telemetry/lib/native}
     */
    public static synchronized void useFolder(Path nativeDir) {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return; // set by the user or an earlier call: respect it
        }
        try {
            String folder = nativeFolder();
            String name = System.mapLibraryName("sqlitejdbc");
            if (name.endsWith(".dylib")) {
                name = "libsqlitejdbc.dylib"; // the driver ships .dylib (mapLibraryName says .dylib too on 17)
            }
            String resource = "/org/sqlite/native/" + folder + "/" + name;
            Path dir = nativeDir.resolve(SQLiteJDBCLoader.getVersion()).resolve(folder);
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        return; // no bundled library for this platform: the driver will say why
                    }
                    PrivateFiles.createDirectories(dir); // may be the first folder of a new home
                    Path tmp = Files.createTempFile(dir, name, ".tmp", PrivateFiles.attributes(dir, false, false));
                    try {
                        // Into the owner-only file just made: Files.copy(.., REPLACE_EXISTING) would delete it
                        // and create a new one with the default mode.
                        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING)) {
                            in.transferTo(out);
                        }
                        try {
                            Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE);
                        } catch (AtomicMoveNotSupportedException e) {
                            Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING);
                        }
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                }
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException | LinkageError e) {
            log.debug("keeping sqlite-jdbc's own native library loading: {}", e.toString());
        }
    }
}
