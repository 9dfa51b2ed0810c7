package io.runserverplus.spi;

import java.util.Set;

/**
 * Announces a way of noticing file changes (a reloader type such as {@code watch} or {@code poll}).
 * Registered through {@link java.util.ServiceLoader}; the reloader picks the available provider with
 * the highest {@link #priority()} for {@code auto}, or the one whose {@link #name()} is asked for.
 */
public interface ChangeDetectorProvider {

    /** Short lower-case name used in settings and messages, e.g. {@code watch}. */
    String name();

    /** Other names this provider answers to, e.g. {@code stat} for {@code poll}. */
    default Set<String> aliases() {
        return Set.of();
    }

    /** Higher wins when the type is {@code auto}; the JDK providers use 100 (watch) and 10 (poll). */
    int priority();

    /** Whether this provider works on this platform and in this process. */
    boolean isAvailable();

    /**
     * Creates a detector for the request that reports to the listener once {@link
     * ChangeDetector#start()} is called.
     */
    ChangeDetector create(WatchRequest request, ChangeDetector.Listener listener);
}
