package io.runserverplus.spi;

import java.nio.file.Path;
import java.util.Set;

/**
 * Watches the roots of a {@link WatchRequest} and reports batches of changed paths. A detector may
 * report one logical change over several batches; callers debounce.
 */
public interface ChangeDetector extends AutoCloseable {

    /** Receives changed paths (created, modified or deleted files; created or deleted directories). */
    @FunctionalInterface
    interface Listener {
        /** Called from the detector's own thread; must not block for long. */
        void changed(Set<Path> paths);
    }

    /** The provider name, for messages such as {@code  * Restarting with watch}. */
    String name();

    /**
     * Takes the baseline and starts watching; changes made after this method returns are reported.
     *
     * @throws java.io.UncheckedIOException if the roots cannot be read at all
     */
    void start();

    /** Stops watching and releases threads and OS handles; idempotent. */
    @Override
    void close();
}
