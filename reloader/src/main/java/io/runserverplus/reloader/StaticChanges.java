package io.runserverplus.reloader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The count of static file changes served without a restart, in a file next to the
 * {@link ServingFile} ({@link Supervisor#STATIC_CHANGES_ENV}): the app's live-reload stream reads
 * it, so a browser refreshes a page whose style sheet or template changed though the app did not.
 * Written whole and moved into place, so a reader never sees half a number.
 */
final class StaticChanges {

    private StaticChanges() {
    }

    static Path file(Path servingFile) {
        return servingFile.resolveSibling("static-changes");
    }

    /** One more change; without the supervisor's directory there is nobody to tell. */
    static void count(Path servingFile) {
        if (servingFile == null) {
            return;
        }
        Path file = file(servingFile);
        try {
            long count = Files.exists(file) ? Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip()) : 0;
            Path next = file.resolveSibling("static-changes.next");
            Files.writeString(next, Long.toString(count + 1), StandardCharsets.US_ASCII);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | NumberFormatException e) {
            // a page open with --live-reload is not refreshed for this change; the file is served as it is
        }
    }

    static void delete(Path servingFile) {
        if (servingFile != null) {
            try {
                Files.deleteIfExists(file(servingFile));
            } catch (IOException e) {
                // left in the supervisor's directory, which then stays too
            }
        }
    }
}
