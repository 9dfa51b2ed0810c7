package io.runserverplus.console.agent;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * A directory only the current user can write to. The agent loads class files and the recorder
 * jar from its cache directory under the shared temp directory: if another local user could write
 * there, they could plant code in the application (on the boot class path, even).
 */
final class PrivateDirectory {
    private PrivateDirectory() {}

    /** {@code directory}, created owner-only if missing; null if it exists but others may write to it. */
    static Path open(Path directory) {
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                if (posix) {
                    Files.createDirectories(directory,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(directory); // Windows: the temp directory is the user's own
                }
            }
            if (!posix) {
                return directory;
            }
            UserPrincipal me = directory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
            boolean safe = Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)
                    && Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS).equals(me)
                    && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
            return safe ? directory : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
