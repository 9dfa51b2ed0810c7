package io.runserverplus.core.debugger;

import io.runserverplus.core.traceback.Traceback;
import io.runserverplus.spi.DebugRequest;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The recent tracebacks and the requests that failed, so that "view source" and the console can
 * refer to one by id. Bounded: a request that fails in a loop must not grow memory (a traceback
 * holds its frames' captured values, live objects); the least recently used is forgotten first.
 */
@Singleton
public class TracebackRegistry {

    static final int CAPACITY = 64;

    private record Failure(Traceback traceback, DebugRequest request) {}

    private final Map<String, Failure> byId = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failure> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized void register(Traceback traceback, DebugRequest request) {
        byId.put(traceback.id(), new Failure(traceback, request));
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
}
