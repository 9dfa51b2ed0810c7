package io.runserverplus.examples.jetty;

import java.util.HashMap;
import java.util.Map;

/** Stock levels; reserving something out of stock fails the /boom request. */
final class Inventory {

    private final Map<String, Integer> stock = new HashMap<>(Map.of("apple", 12, "pear", 3, "durian", 0));

    void reserve(String item) {
        int onHand = stock.getOrDefault(item, 0);
        if (onHand == 0) {
            throw new IllegalStateException("Cannot reserve '" + item + "': out of stock (stock=" + stock + ")");
        }
        stock.put(item, onHand - 1);
    }
}
