package io.runserverplus.core.debugger;

import io.runserverplus.core.render.FailureRow;
import io.runserverplus.core.traceback.Traceback;
import io.runserverplus.spi.DebugRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The recent tracebacks and the requests that failed, so that "view source", the console and the
 * failures list can refer to one by id. Bounded: a request that fails in a loop must not grow
 * memory (a traceback holds its frames' captured values, live objects); the least recently used
 * is forgotten first.
 */
@Singleton
public class TracebackRegistry {

    static final int CAPACITY = 64;

    /** How a kept failure ended: its status, who answered it, and how often its shape was seen. */
    public record Outcome(int status, boolean handledByApp, FailureLog.Seen seen) {
        static final Outcome UNKNOWN = new Outcome(500, false, new FailureLog.Seen("", 1));
    }

    private record Failure(Traceback traceback, DebugRequest request, Outcome outcome, long sequence) {}

    private final Map<String, Failure> byId = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failure> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Counts registrations, so the failures list can ask "anything after the one I show?". */
    private long latest;

    public void register(Traceback traceback, DebugRequest request) {
        register(traceback, request, Outcome.UNKNOWN);
    }

    public synchronized void register(Traceback traceback, DebugRequest request, Outcome outcome) {
        latest++;
        byId.put(traceback.id(), new Failure(traceback, request, outcome, latest));
        notifyAll();
    }

    public synchronized Optional<Traceback> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(Failure::traceback);
    }

    /** The request that failed with traceback {@code id} (the console's {@code request}). */
    public synchronized Optional<DebugRequest> requestOf(String id) {
        return Optional.ofNullable(byId.get(id)).map(Failure::request);
    }

    public synchronized int size() {
        return byId.size();
    }

    /** The number of the newest registration (0 before the first). */
    public synchronized long latest() {
        return latest;
    }

    /**
     * Waits until a failure newer than {@code seen} is registered or {@code millis} pass (long
     * polling by the failures list); returns the newest number.
     */
    public synchronized long awaitAfter(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        long left = millis;
        while (latest <= seen && left > 0) {
            wait(left);
            left = (deadline - System.nanoTime()) / 1_000_000L;
        }
        return latest;
    }

    /**
     * The kept failures, newest first, one row per shape (the newest of its kind, with the count of
     * all), so a route failing in a loop fills one row, not the list.
     */
    public List<FailureRow> newestFirst() {
        List<Failure> failures;
        synchronized (this) {
            failures = new ArrayList<>(byId.values());
        }
        failures.sort(Comparator.comparingLong(Failure::sequence).reversed());
        List<FailureRow> rows = new ArrayList<>(failures.size());
        Set<String> shapes = new HashSet<>();
        for (Failure failure : failures) {
            String shape = failure.outcome().seen().shape();
            if (shape.isEmpty() || shapes.add(shape + failure.outcome().handledByApp())) {
                rows.add(row(failure));
            }
        }
        return rows;
    }

    private static FailureRow row(Failure failure) {
        Traceback traceback = failure.traceback();
        DebugRequest request = failure.request();
        return new FailureRow(traceback.id(), traceback.capturedAt(), request.method(), request.path(),
                failure.outcome().status(), traceback.root().typeName(), traceback.root().message().orElse(""),
                traceback.focusFrame(), failure.outcome().seen().times(), failure.outcome().handledByApp());
    }
}
