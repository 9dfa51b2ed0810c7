package io.runserverplus.core.debugger;

import io.runserverplus.spi.ReloaderProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code --live-reload}: whether the app's HTML pages get live-reload.js, and what its event stream
 * adds to the app's answer on {@code /__debugger__/reloads}: the supervisor's count of static file
 * changes, read from the file it rewrites after each (the app is not restarted for those).
 *
 * @param on           the setting
 * @param staticChanges the supervisor's file, empty without a supervisor
 */
public record LiveReload(boolean on, Optional<Path> staticChanges) {

    public static final LiveReload OFF = new LiveReload(false, Optional.empty());

    /** The setting, with the file the supervisor named in this JVM's environment. */
    public static LiveReload of(boolean on) {
        String file = System.getenv(ReloaderProvider.STATIC_CHANGES_ENV);
        return new LiveReload(on, file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file)));
    }

    /** The {@code static} event of the stream: the count of static changes so far ({@code 0} before the first). */
    String staticEvent() {
        return "event: static\ndata: " + staticChangeCount() + "\n\n";
    }

    private String staticChangeCount() {
        try {
            return staticChanges.isPresent() && Files.exists(staticChanges.get())
                    ? Files.readString(staticChanges.get(), StandardCharsets.US_ASCII).strip() : "0";
        } catch (IOException unreadable) {
            return "0"; // being rewritten: the browser asks again in a second
        }
    }
}
