package io.runserverplus.examples.helidon;

import java.util.List;
import java.util.Map;

/** Three application frames deep, each with locals worth looking at: Checkout, Pricing, Inventory. */
final class Checkout {

    private final Inventory inventory;
    private final Pricing pricing = new Pricing();

    Checkout(Inventory inventory) {
        this.inventory = inventory;
    }

    String placeOrder(String customer, List<String> items) {
        int itemCount = items.size();
        long totalCents = pricing.total(items, inventory);
        return customer + " ordered " + itemCount + " items for " + totalCents + " cents";
    }

    /** Prices per unit, looked up in stock. */
    static final class Pricing {
        private final Map<String, Long> centsPerUnit = Map.of("apple", 45L, "pear", 60L);

        long total(List<String> items, Inventory inventory) {
            long sum = 0;
            for (String item : items) {
                inventory.reserve(item);
                sum += centsPerUnit.get(item);
            }
            return sum;
        }
    }
}
