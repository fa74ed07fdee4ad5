package dev.cctelemetry.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Files and folders only their owner may open. They are created that way by the system call that creates them
 * (an {@code open}/{@code mkdir} whose mode has no group or other bits, so the umask cannot widen it), never
 * created with the defaults and narrowed afterwards: a second local user watching the folder with inotify reads
 * a file in the moment between the two calls. On POSIX file systems that is mode 0600 for files (0700 for
 * folders and scripts); on Windows (ACL file systems) an access list that allows the owner alone, since the
 * default there inherits the parent's entries, which may let other users read.
 *
 * <p>The owner on Windows is taken from the folder the file is created in (the user's own tree), not from a
 * system property. Other file systems (neither view) get the platform's defaults.
 */
public final class PrivateFiles {

    /** rw-------: what every data file of ours gets. */
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    /** rwx------: folders and scripts. */
    public static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwx------");

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /** Creates {@code dir} and every missing parent owner-only; folders that exist are left as they are. */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return dir; // the common case costs one stat, as Files.createDirectories does
        }
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Files.createDirectories(absolute, attributes(existing == null ? absolute : existing, true, false));
        return dir;
    }

    /**
     * Creates an empty file owner-only ({@code CREATE_NEW}).
     *
     * @throws FileAlreadyExistsException when something is there already
     */
    public static Path createFile(Path file) throws IOException {
        return Files.createFile(file, attributes(parent(file), false, false));
    }

    /** Creates {@code file} owner-only if it is missing; an existing file is left as it is. */
    public static void createFileIfMissing(Path file) throws IOException {
        try {
            createFile(file);
        } catch (FileAlreadyExistsException e) {
            // Someone (another process of ours) was first: its file has our mode too, or restrict() fixes it.
        }
    }

    /** Opens a channel that creates {@code file} owner-only when the options create it. */
    public static FileChannel open(Path file, Set<? extends OpenOption> options) throws IOException {
        return FileChannel.open(file, options, attributes(parent(file), false, false));
    }

    /**
     * The attributes for {@code Files.createFile}, {@code createDirectory} or {@code FileChannel.open} of a new
     * entry in {@code dir}.
     *
     * @param executable for scripts: rwx------ instead of rw-------
     */
    public static FileAttribute<?>[] attributes(Path dir, boolean folder, boolean executable) throws IOException {
        Set<String> views = dir.getFileSystem().supportedFileAttributeViews();
        if (views.contains("posix")) {
            return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(folder || executable ? FOLDER_MODE : FILE_MODE)};
        }
        if (views.contains("acl")) {
            return new FileAttribute<?>[] {aclAttribute(ownerOnlyAcl(Files.getOwner(dir), folder))};
        }
        return new FileAttribute<?>[0];
    }

    /**
     * Takes group and other permissions away from an existing file or folder of ours (POSIX), or replaces its
     * access list with the owner-only one (ACL). Symlinks are not followed: the link's target is not ours.
     *
     * @return whether anything had to change
     */
    public static boolean restrict(Path path) throws IOException {
        Set<String> views = path.getFileSystem().supportedFileAttributeViews();
        if (Files.isSymbolicLink(path)) {
            return false;
        }
        boolean folder = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if (views.contains("posix")) {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
            owner.addAll(now);
            owner.removeAll(GROUP_OR_OTHER);
            if (owner.equals(now)) {
                return false;
            }
            Files.setPosixFilePermissions(path, owner);
            return true;
        }
        if (views.contains("acl")) {
            AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            List<AclEntry> wanted = ownerOnlyAcl(view.getOwner(), folder);
            if (view.getAcl().equals(wanted)) {
                return false;
            }
            view.setAcl(wanted);
            return true;
        }
        return false;
    }

    /** Whether group or other users may do anything with {@code path} (POSIX only; false elsewhere). */
    public static boolean isOpenToOthers(Path path) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix") || Files.isSymbolicLink(path)) {
            return false;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        return now.stream().anyMatch(GROUP_OR_OTHER::contains);
    }

    /**
     * The Windows access list of a private file or folder: one entry that allows its owner everything (for a
     * folder, inherited by what is created in it), and nothing for anyone else.
     */
    static List<AclEntry> ownerOnlyAcl(UserPrincipal owner, boolean folder) {
        AclEntry.Builder entry = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class));
        if (folder) {
            entry.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
        }
        return List.of(entry.build());
    }

    private static FileAttribute<List<AclEntry>> aclAttribute(List<AclEntry> acl) {
        return new FileAttribute<>() {
            @Override
            public String name() {
                return "acl:acl";
            }

            @Override
            public List<AclEntry> value() {
                return acl;
            }
        };
    }

    private static Path parent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }
}
