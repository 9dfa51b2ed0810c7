package io.runserverplus.reloader;

import io.runserverplus.spi.ChangeDetector;
import java.nio.file.Path;
import java.util.Set;

final class Listeners {

    private Listeners() {
    }

    /** Hands a batch to the listener; a failing listener is reported but never stops detection. */
    static void deliver(ChangeDetector.Listener listener, Set<Path> changed) {
        try {
            listener.changed(changed);
        } catch (RuntimeException e) {
            System.err.println(" * Reloader: the change listener failed on " + changed.size()
                    + " changed path(s): " + e);
        }
    }
}
