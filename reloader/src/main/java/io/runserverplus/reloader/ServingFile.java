package io.runserverplus.reloader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

/**
 * The file a child creates once it serves ({@link Supervisor#SERVING_FILE_ENV}); its time is when
 * the app started serving. It lives in a directory of the supervisor's own, readable only by its
 * user, and is removed before each start, so it always speaks of the current child.
 */
final class ServingFile {

    private ServingFile() {
    }

    /** A path in a new private directory; null (and one line saying what that costs) when none can be made. */
    static Path create(PrintStream err) {
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Path directory = posix
                    ? Files.createTempDirectory("runserverplus-supervisor-", PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("runserverplus-supervisor-");
            return directory.resolve("serving");
        } catch (IOException e) {
            err.println(" * Cannot make a directory in " + System.getProperty("java.io.tmpdir") + " (" + e.getMessage()
                    + "), so an app that dies is restarted only on the next change; make that directory writable.");
            return null;
        }
    }

    /** Since when the current child serves; empty when it has not said so. */
    static Optional<Instant> since(Path file) {
        try {
            return file == null || !Files.exists(file) ? Optional.empty()
                    : Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    /** The port the current child said it serves on (its file holds "pid port"); empty when it has not said so. */
    static java.util.OptionalInt port(Path file) {
        try {
            String[] parts = file == null || !Files.exists(file) ? new String[0] : Files.readString(file).strip().split(" ");
            return parts.length == 2 ? java.util.OptionalInt.of(Integer.parseInt(parts[1])) : java.util.OptionalInt.empty();
        } catch (IOException | NumberFormatException unreadable) {
            return java.util.OptionalInt.empty();
        }
    }

    /** Before a start: the next child has not served yet. */
    static void reset(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // since() then speaks of the previous child: at worst one restart too many
            }
        }
    }

    /** Removes the file, what the children left beside it (a killed one's hooks-done file) and the directory. */
    static void delete(Path file) {
        if (file != null) {
            reset(file);
            try (var left = Files.list(file.getParent())) {
                for (Path path : (Iterable<Path>) left::iterator) {
                    Files.deleteIfExists(path);
                }
                Files.deleteIfExists(file.getParent());
            } catch (IOException e) {
                // a directory left in the temporary directory
            }
        }
    }
}
