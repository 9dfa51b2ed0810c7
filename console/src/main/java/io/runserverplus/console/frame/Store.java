package io.runserverplus.console.frame;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values a frame's console binds by name, each with the type units declare it with: the frame's
 * variables and the console's helpers (replaced when the frame changes) and the variables the user
 * declared (kept). Engine thread only.
 */
final class Store {

    /** One bound value; {@code frameLocal} for a variable of the frame (its assignments are the console's copy). */
    record Slot(String type, Object value, boolean frameLocal, boolean declared) {}

    private final Map<String, Slot> slots = new LinkedHashMap<>();

    /** Replaces everything but the user's declarations by {@code frameSlots}. */
    void bindFrame(Map<String, Slot> frameSlots) {
        slots.values().removeIf(s -> !s.declared());
        for (var e : frameSlots.entrySet()) {
            slots.remove(e.getKey()); // a frame's variable hides a declaration of the same name
            slots.put(e.getKey(), e.getValue());
        }
    }

    Slot get(String name) {
        return slots.get(name);
    }

    void put(String name, Slot slot) {
        slots.put(name, slot);
    }

    Set<String> names() {
        return slots.keySet();
    }
}
