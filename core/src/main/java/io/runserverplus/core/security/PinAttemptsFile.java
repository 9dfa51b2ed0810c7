package io.runserverplus.core.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where the wrong-PIN count lives under the reloader: a file in a directory of the supervisor's
 * own (readable only by its user), named to each child in {@value #ENVIRONMENT}, as the cookie
 * key is. A reload or a crash starts a new child JVM; the count and the lock must not start over
 * with it, or ten guesses a reload would become unlimited guesses. The supervisor's JVM deletes
 * the file when it ends, and the next supervisor starts from zero, as a restarted server does.
 */
public final class PinAttemptsFile {

    public static final String ENVIRONMENT = "RUNSERVERPLUS_PIN_ATTEMPTS";

    private final Path file;

    private PinAttemptsFile(Path file) {
        this.file = file;
    }

    /** In the supervisor: a new file holding 0, deleted when this JVM exits; returns its path. */
    public static Path create() throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path directory = posix
                ? Files.createTempDirectory("runserverplus-", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory("runserverplus-");
        directory.toFile().deleteOnExit(); // registered first, so deleted after its files
        Path file = directory.resolve("pin-attempts");
        new PinAttemptsFile(file).write(0);
        file.toFile().deleteOnExit();
        directory.resolve("pin-attempts.tmp").toFile().deleteOnExit();
        return file;
    }

    /** In a child: the supervisor's file, if this JVM has one. */
    static Optional<PinAttemptsFile> ofThisJvm() {
        return Optional.ofNullable(System.getenv(ENVIRONMENT)).filter(name -> !name.isBlank())
                .map(name -> new PinAttemptsFile(Path.of(name)));
    }

    /**
     * The attempts used so far. A file that is gone or garbled (something else wrote or removed
     * it) reads as the limit: the console stays locked rather than handing out new guesses.
     */
    int read() {
        try {
            return Math.max(0, Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (IOException | NumberFormatException unusable) {
            System.err.println(" * The debugger's count of wrong PINs in " + file + " cannot be read, so the console"
                    + " stays locked; restart the server to unlock it.");
            return PinAttempts.LIMIT;
        }
    }

    /** Replaces the count in one step, so a child that dies while writing leaves the old count, never half of one. */
    void write(int used) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, Integer.toString(used), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** For tests: a file at a given path. */
    static PinAttemptsFile at(Path file) {
        return new PinAttemptsFile(file);
    }
}
