package io.runserverplus.reloader;

import io.runserverplus.spi.ChangeDetector;
import io.runserverplus.spi.ChangeDetectorProvider;
import io.runserverplus.spi.WatchRequest;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.WatchService;
import java.util.Set;

/** Provides the {@code watch} detector (alias {@code watchdog}, Werkzeug's name for events). */
public final class WatchDetectorProvider implements ChangeDetectorProvider {

    static final String NAME = "watch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("watchdog");
    }

    @Override
    public int priority() {
        return 100;
    }

    /**
     * False where the JDK has no native watch service: its fallback (macOS) polls every few seconds,
     * slower than {@code poll}, so {@code auto} should not choose it there.
     */
    @Override
    public boolean isAvailable() {
        try (WatchService service = FileSystems.getDefault().newWatchService()) {
            return !service.getClass().getName().contains("Polling");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Override
    public ChangeDetector create(WatchRequest request, ChangeDetector.Listener listener) {
        return new WatchChangeDetector(request, listener, WatchChangeDetector.JDK_REGISTRAR, System.err);
    }
}
