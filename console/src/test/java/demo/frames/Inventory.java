package demo.frames;

import java.util.HashMap;
import java.util.Map;

/** A package-private class with a private field, as in the demo's /boom. */
final class Inventory extends Shelf {

    private final Map<String, Integer> stock = new HashMap<>(Map.of("apple", 12, "pear", 3));
    private static int reservations = 0;

    int reserve(String item) {
        int onHand = stock.getOrDefault(item, 0);
        reservations++;
        stock.put(item, onHand - 1);
        return onHand;
    }

    private int count() {
        return stock.size();
    }

    static String describe() {
        return "inventory";
    }

    /** A private nested class, named by simple name in the frame's console. */
    private static final class Label {
        private final String text;

        Label(String text) {
            this.text = text;
        }
    }
}
