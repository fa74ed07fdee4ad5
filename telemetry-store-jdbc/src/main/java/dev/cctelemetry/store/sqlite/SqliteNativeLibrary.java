package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.io.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
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
     * it, without the work {@code OSInfo} does for it on every start: a check for Termux on every Linux ({@code
     * uname -o} in a child process, 20-30 ms), and a musl check that resolves the real path of every entry of
     * {@code /proc/self/map_files} through a stream (with {@code OSInfo}'s own set-up, 15-25 ms of CPU before the
     * first ledger opens). Android (Termux included) has a {@code /system} folder; where there is none, none of
     * {@code OSInfo}'s Android checks can hold and its name is the one for glibc or musl Linux, told apart by the
     * same test {@code OSInfo} makes (a mapped file whose path names musl), read from {@code /proc/self/maps} in
     * one go. x86_64 and aarch64 are named here as {@code OSInfo} names them; ARM (a float-ABI probe), other CPUs,
     * an architecture forced by the driver's property, Android and other systems get {@code OSInfo}'s own answer.
     */
    static String nativeFolder() {
        String os = System.getProperty("os.name", "");
        Optional<String> arch = System.getProperty(ARCH_PROPERTY) == null
                ? commonArch(System.getProperty("os.arch", "")) : Optional.empty();
        if (os.contains("Linux") && arch.isPresent() && !isAndroidRuntime() && !Files.exists(Path.of("/system"))) {
            return (isMusl() ? "Linux-Musl" : "Linux") + "/" + arch.get();
        }
        return OSInfo.getNativeLibFolderPathForCurrentOS();
    }

    /** The driver's property that overrides the architecture it detects. */
    private static final String ARCH_PROPERTY = "org.sqlite.osinfo.architecture";

    /** {@code OSInfo}'s folder name for the two CPUs it maps without probing; empty for any other. */
    static Optional<String> commonArch(String osArch) {
        switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64":
            case "x86_64":
                return Optional.of("x86_64");
            case "aarch64":
                return Optional.of("aarch64");
            default:
                return Optional.empty();
        }
    }

    private static boolean isAndroidRuntime() {
        return System.getProperty("java.runtime.name", "").toLowerCase(Locale.ROOT).contains("android");
    }

    /** Whether this process runs on musl's C library; {@code OSInfo}'s own check when the map cannot be read. */
    private static boolean isMusl() {
        try {
            return mapsMusl(new String(Files.readAllBytes(Path.of("/proc/self/maps")), StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            return OSInfo.isMusl();
        }
    }

    /**
     * {@code OSInfo}'s musl test over the text of {@code /proc/self/maps}: whether the path of any mapped file
     * (the same paths {@code /proc/self/map_files} links to) contains "musl" in any case.
     */
    static boolean mapsMusl(String maps) {
        int start = 0;
        while (start < maps.length()) {
            int end = maps.indexOf('\n', start);
            if (end < 0) {
                end = maps.length();
            }
            int path = start; // the fields before a path are numbers, flags and a device: no '/'
            while (path < end && maps.charAt(path) != '/') {
                path++;
            }
            if (containsMusl(maps, path, end)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean containsMusl(String text, int from, int to) {
        for (int i = from; i + 4 <= to; i++) {
            if (text.regionMatches(true, i, "musl", 0, 4)) {
                return true;
            }
        }
        return false;
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
