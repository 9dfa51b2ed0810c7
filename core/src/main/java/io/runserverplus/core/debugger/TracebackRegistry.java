package io.runserverplus.core.debugger;

import io.runserverplus.core.traceback.Traceback;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The recent tracebacks, so that "view source" (and later the console) can refer to one by id.
 * Bounded: a request that fails in a loop must not grow memory; the oldest is forgotten first.
 */
@Singleton
public class TracebackRegistry {

    static final int CAPACITY = 64;

    private final Map<String, Traceback> byId = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Traceback> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized void register(Traceback traceback) {
        byId.put(traceback.id(), traceback);
    }

    public synchronized Optional<Traceback> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized int size() {
        return byId.size();
    }
}
