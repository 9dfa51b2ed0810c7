package io.runserverplus.reloader;

import io.runserverplus.spi.ChangeDetector;
import io.runserverplus.spi.ChangeDetectorProvider;
import io.runserverplus.spi.WatchRequest;
import java.util.Set;

/** Provides the {@code poll} detector (alias {@code stat}, Werkzeug's name); works everywhere. */
public final class PollDetectorProvider implements ChangeDetectorProvider {

    static final String NAME = "poll";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("stat");
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public ChangeDetector create(WatchRequest request, ChangeDetector.Listener listener) {
        return new PollChangeDetector(request, listener);
    }
}
