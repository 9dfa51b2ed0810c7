package io.runserverplus.reloader;

import io.runserverplus.spi.ChangeDetector;
import io.runserverplus.spi.WatchRequest;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/** The {@code poll} detector: walks the roots every interval and compares (mtime, size). */
final class PollChangeDetector implements ChangeDetector {

    private final StatTree tree;
    private final long intervalNanos;
    private final Listener listener;
    private volatile boolean closed;
    private Thread thread;

    PollChangeDetector(WatchRequest request, Listener listener) {
        this.tree = new StatTree(request.roots(), ExcludeMatcher.of(request.excludes()));
        this.intervalNanos = request.pollInterval().toNanos();
        this.listener = listener;
    }

    @Override
    public String name() {
        return PollDetectorProvider.NAME;
    }

    @Override
    public synchronized void start() {
        if (thread != null || closed) {
            return;
        }
        tree.baseline();
        thread = Thread.ofPlatform().daemon().name("runserverplus-poll").start(this::loop);
    }

    private void loop() {
        while (!closed) {
            LockSupport.parkNanos(intervalNanos);
            if (closed) {
                return;
            }
            Set<Path> changed = tree.scan();
            if (!changed.isEmpty()) {
                Listeners.deliver(listener, changed);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
